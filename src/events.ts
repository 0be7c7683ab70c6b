/**
 * The element's events: typed, bubbling and composed, so a console listening on `document`
 * hears them from inside any shadow root.
 */
import type { ImportStatusError } from './api/import-status-error.js';
import type { ImportTask } from './api/types.js';

const init = { bubbles: true, composed: true } as const;

export interface ImportTaskDetail {
  readonly task: ImportTask;
}

export interface ImportErrorDetail {
  readonly error: ImportStatusError;
  /** Whether the element will try again by itself; when false, a person must act (or call `refresh()`). */
  readonly willRetry: boolean;
}

export type ImportProgressEvent = CustomEvent<ImportTaskDetail>;
export type ImportDoneEvent = CustomEvent<ImportTaskDetail>;
export type ImportErrorEvent = CustomEvent<ImportErrorDetail>;

export const importProgressEvent = (task: ImportTask): ImportProgressEvent =>
  new CustomEvent('import-progress', { ...init, detail: { task } });

export const importDoneEvent = (task: ImportTask): ImportDoneEvent =>
  new CustomEvent('import-done', { ...init, detail: { task } });

export const importErrorEvent = (error: ImportStatusError, willRetry: boolean): ImportErrorEvent =>
  new CustomEvent('import-error', { ...init, detail: { error, willRetry } });

interface DnsImportStatusEventMap {
  'import-progress': ImportProgressEvent;
  'import-done': ImportDoneEvent;
  'import-error': ImportErrorEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends DnsImportStatusEventMap {}
  // The events are composed: a console may listen for them on the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface DocumentEventMap extends DnsImportStatusEventMap {}
}
