import Papa from 'papaparse';

/**
 * A table as CSV the way spreadsheets open it: a UTF-8 BOM (so Excel reads Chinese names), CRLF lines, and
 * cells that start like a formula (=, +, -, @) defused, since learner names and titles are typed by others.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse([header as string[], ...(rows as string[][])], { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

/** Saves text as a file through the browser's download (Electron asks where to save it). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn, once the download has taken the blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
