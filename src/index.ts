/**
 * The registering entry: importing this module defines `<dns-import-status>` unless a
 * page already has an element of that name (two copies of the bundle must not throw).
 */
import { DnsImportStatus } from './dns-import-status.js';

export { DnsImportStatus, type DnsImportStatusState } from './dns-import-status.js';
export { watchImport, ImportWatcher, type WatchImportOptions, type ImportWatcherEventMap } from './import-watcher.js';
export type { RefreshOptions } from './polling/import-task-channel.js';
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
} from './events.js';
export type { ImportErrorItem, ImportTask, ImportTaskFetcher, ImportTaskStatus } from './api/types.js';

if (!customElements.get('dns-import-status')) customElements.define('dns-import-status', DnsImportStatus);

declare global {
  interface HTMLElementTagNameMap {
    'dns-import-status': DnsImportStatus;
  }
}
