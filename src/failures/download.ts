/**
 * Saves text as a file through the browser's download, with no server round trip.
 *
 * The anchor is attached to the document because some browsers ignore clicks on detached
 * links. The object URL is revoked a tick later, not at once: the download starts
 * asynchronously after the click, and revoking too early can cancel it.
 */
export function downloadTextFile(fileName: string, text: string, mimeType = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
