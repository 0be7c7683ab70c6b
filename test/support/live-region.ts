import type { DnsImportStatus } from '../../src/status/dns-import-status.js';

/** What the element's live region says, as a screen reader gets it (white space collapsed). */
export const heard = (el: DnsImportStatus): string =>
  el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!.textContent!.replace(/\s+/g, ' ').trim();
