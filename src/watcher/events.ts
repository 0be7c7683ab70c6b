/**
 * The four events of an import, in one place: their names and details (`ImportEventDetails`,
 * the one list), and the one factory that makes them. The watcher (`watchImport()`) fires them;
 * the status element fires the same ones from itself after the render that shows them; the React
 * wrapper maps them to its `on…` props. Bubbling and composed, so a console listening on
 * `document` hears them from inside any shadow root.
 */
import type { ImportStatusError } from '../api/import-status-error.js';
import type { ImportTask } from '../api/types.js';

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

/** Each event's name and detail. */
export interface ImportEventDetails {
  'import-progress': ImportTaskDetail;
  'import-done': ImportDoneDetail;
  'import-error': ImportErrorDetail;
  'import-stalled': ImportStalledDetail;
}

export type ImportEventType = keyof ImportEventDetails;

/** The names, for code that handles every event (the keys of `ImportEventDetails`). */
export const IMPORT_EVENT_TYPES = ['import-progress', 'import-done', 'import-error', 'import-stalled'] as const satisfies readonly ImportEventType[];

/** The event of each name. */
export type ImportEventMap = { [K in ImportEventType]: CustomEvent<ImportEventDetails[K]> };

export type ImportProgressEvent = ImportEventMap['import-progress'];
export type ImportDoneEvent = ImportEventMap['import-done'];
export type ImportErrorEvent = ImportEventMap['import-error'];
export type ImportStalledEvent = ImportEventMap['import-stalled'];

/** The event that pages see. */
export function importEvent<K extends ImportEventType>(type: K, detail: ImportEventDetails[K]): CustomEvent<ImportEventDetails[K]> {
  // Frozen, like the task in it: a listener cannot change what another one sees.
  Object.freeze(detail);
  return new CustomEvent(type, { bubbles: true, composed: true, detail });
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends ImportEventMap {}
  // The events are composed: a console may listen for them on the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface DocumentEventMap extends ImportEventMap {}
}
