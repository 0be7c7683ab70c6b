/**
 * How long the file's object URL stays valid after the click. The browser reads the blob
 * asynchronously after the click; for a large file, or when the browser first asks where to
 * save it, that can be seconds later, and a revoked URL cancels the download. FileSaver.js
 * waits 40 s for the same reason. The cost: the text stays in memory for that minute.
 */
export const REVOKE_AFTER_MS = 60_000;

/**
 * Saves text as a file through the browser's download, with no server round trip. The anchor
 * is attached to the document because some browsers ignore clicks on detached links; it is
 * removed in the same task, before anything is painted, so it needs no hiding. `click()` never
 * throws (an error in a click listener is reported, not passed on), so the removal always runs.
 */
export function downloadTextFile(fileName: string, text: string, mimeType = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
