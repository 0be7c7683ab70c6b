/**
 * True in development: the source as the test runner and Vite's dev server load it. The build
 * (scripts/build.js: Vite in production mode) replaces `import.meta.env.DEV` with `false`, so
 * the published files keep no development-only code or text.
 */
export const DEV: boolean = import.meta.env?.DEV === true;

declare global {
  interface ImportMeta {
    /** Set by Vite (and by the test runner's esbuild `define`); absent elsewhere. */
    readonly env?: { readonly DEV?: boolean };
  }
}
