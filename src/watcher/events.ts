/**
 * The element's events: typed, bubbling and composed, so a console listening on `document`
 * hears them from inside any shadow root.
 */
import type { ImportStatusError } from '../api/import-status-error.js';
import type { ImportTask } from '../api/types.js';

/** Every detail is frozen, like the task in it: a listener cannot change what another one sees. */
const event = <T>(type: string, detail: T) => new CustomEvent<T>(type, { bubbles: true, composed: true, detail: Object.freeze(detail) });

export interface ImportTaskDetail {
  readonly task: ImportTask;
}

export interface ImportDoneDetail extends ImportTaskDetail {
  /**
   * True when this element saw the task PENDING before it saw it DONE: the finish was watched,
   * so a console may say "your import finished". False when the first sight was already DONE
   * (an import that ended before the page opened).
   */
  readonly sawPending: boolean;
}

export interface ImportStalledDetail extends ImportTaskDetail {
  /** Epoch ms of the last change seen in the processed count or `updated_at`. */
  readonly since: number;
}

export interface ImportErrorDetail {
  readonly error: ImportStatusError;
  /** Whether the element will try again by itself; when false, a person must act (or call `refresh()`). */
  readonly willRetry: boolean;
}

export type ImportProgressEvent = CustomEvent<ImportTaskDetail>;
export type ImportDoneEvent = CustomEvent<ImportDoneDetail>;
export type ImportErrorEvent = CustomEvent<ImportErrorDetail>;
export type ImportStalledEvent = CustomEvent<ImportStalledDetail>;

export const importProgressEvent = (task: ImportTask): ImportProgressEvent => event('import-progress', { task });

export const importDoneEvent = (task: ImportTask, sawPending: boolean): ImportDoneEvent => event('import-done', { task, sawPending });

export const importStalledEvent = (task: ImportTask, since: number): ImportStalledEvent => event('import-stalled', { task, since });

export const importErrorEvent = (error: ImportStatusError, willRetry: boolean): ImportErrorEvent => event('import-error', { error, willRetry });

interface DnsImportStatusEventMap {
  'import-progress': ImportProgressEvent;
  'import-done': ImportDoneEvent;
  'import-error': ImportErrorEvent;
  'import-stalled': ImportStalledEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends DnsImportStatusEventMap {}
  // The events are composed: a console may listen for them on the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface DocumentEventMap extends DnsImportStatusEventMap {}
}
