/**
 * Reaching the failed-record list inside `<dns-import-status>` from a test: the list is a
 * `<dns-import-failures>` in the status element's shadow root, with a shadow root of its own.
 */
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';

/** The shadow roots a test looks into: the status element's, then its list's (when rendered). */
export function rootsOf(el: DnsImportStatus): ShadowRoot[] {
  const own = el.shadowRoot!;
  const list = own.querySelector('dns-import-failures')?.shadowRoot;
  return list ? [own, list] : [own];
}

/** The first match in the status element or in its list. */
export function findIn<T extends Element = HTMLElement>(el: DnsImportStatus, selector: string): T | null {
  for (const root of rootsOf(el)) {
    const found = root.querySelector<T & Element>(selector);
    if (found) return found;
  }
  return null;
}

/** Every match in the status element and in its list, in that order. */
export function findAllIn<T extends Element = HTMLElement>(el: DnsImportStatus, selector: string): T[] {
  return rootsOf(el).flatMap((root) => [...root.querySelectorAll<T & Element>(selector)]);
}
