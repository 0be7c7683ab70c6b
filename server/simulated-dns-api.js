// Placeholder: being written.
export function simulatedDnsApi() {
  return (req, res, next) => next();
}
