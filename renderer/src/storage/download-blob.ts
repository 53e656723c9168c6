/**
 * Saves a file the way a web page does: an object URL on a temporary link with `download`. Works in the
 * serve host's Chromium and in Electron (which asks where to save), without a channel to main.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has surely started; the page keeps nothing.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
