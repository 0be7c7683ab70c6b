/**
 * A page that tests can hide and show: `document.hidden` answers what the test says, and each
 * change fires `visibilitychange` as a browser does. Call `fakeVisibility()` in a `beforeEach`
 * and `restore()` in the matching `afterEach`.
 */
export function fakeVisibility(): { setHidden(hidden: boolean): void; restore(): void } {
  let hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  return {
    setHidden(value) {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    },
    restore() {
      delete (document as { hidden?: boolean }).hidden;
    },
  };
}
