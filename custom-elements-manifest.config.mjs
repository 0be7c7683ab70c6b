// Read by `cem analyze` (npm run manifest, scripts/check-manifest.js). The analyzer rewrites
// package.json's `customElements` to wherever it wrote the manifest, which for the freshness
// check is a temporary folder: keep package.json as written ("customElements" is set there).
export default {
  packagejson: false,
};
