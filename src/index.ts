/**
 * The registering entry: importing this module defines `<dns-import-status>` and
 * `<dns-import-failures>`, each unless a page already has an element of that name (two copies
 * of the bundle must not throw).
 */
import { DnsImportStatus } from './status/dns-import-status.js';
import { DnsImportFailures } from './failures/dns-import-failures.js';

export { DnsImportStatus, type DnsImportStatusState } from './status/dns-import-status.js';
export { DnsImportFailures } from './failures/dns-import-failures.js';
export { watchImport, ImportWatcher, type WatchImportOptions, type ImportWatcherEventMap } from './watcher/import-watcher.js';
export type { RefreshOptions } from './polling/channel-types.js';
export { createHttpFetcher, type HttpFetcherOptions } from './api/http-fetcher.js';
export { normalizeImportResponse } from './api/normalize-import-task.js';
export { buildFailuresCsv, type FailuresCsvOptions } from './failures/failures-csv.js';
export { ImportStatusError, type ImportStatusErrorKind } from './api/import-status-error.js';
export type {
  ImportDoneDetail,
  ImportDoneEvent,
  ImportErrorDetail,
  ImportErrorEvent,
  ImportProgressEvent,
  ImportStalledDetail,
  ImportStalledEvent,
  ImportTaskDetail,
} from './watcher/events.js';
export type { ImportErrorItem, ImportTask, ImportTaskFetcher, ImportTaskFetchInit, ImportTaskKind, ImportTaskStatus } from './api/types.js';

if (!customElements.get('dns-import-status')) customElements.define('dns-import-status', DnsImportStatus);
if (!customElements.get('dns-import-failures')) customElements.define('dns-import-failures', DnsImportFailures);

declare global {
  interface HTMLElementTagNameMap {
    'dns-import-status': DnsImportStatus;
    'dns-import-failures': DnsImportFailures;
  }
}
