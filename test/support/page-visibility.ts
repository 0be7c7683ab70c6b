/**
 * A page that tests can hide and show: `document.hidden` answers what the test says, and each
 * change fires `visibilitychange` as a browser does. Call `useFakeVisibility()` inside a
 * `describe`: it fakes the page before each test and restores it after each, and returns the
 * function that hides or shows it.
 */
export function useFakeVisibility(): (hidden: boolean) => void {
  let hidden = false;
  beforeEach(() => {
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    delete (document as { hidden?: boolean }).hidden;
  });
  return (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
}
