import { ScormImportError } from './import-error';

// Windows refuses these names in any folder, with or without an extension ("con.txt").
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

function refuse(name: string, why: string): never {
  throw new ScormImportError('UNSAFE_PATH', `Refused path "${name.slice(0, 200)}": ${why}`);
}

/**
 * Turns a zip entry's name into a safe relative path ("a/b.html") or refuses it. Backslashes count as
 * separators (Windows zippers write them); everything that could land outside the course folder, or mean
 * something else on another file system, is refused rather than repaired.
 */
export function safeEntryPath(rawName: string, maxPathBytes: number): string {
  if (rawName.includes('\0')) refuse(rawName, 'contains a NUL character');
  if (Buffer.byteLength(rawName) > maxPathBytes) refuse(rawName, `longer than ${maxPathBytes} bytes`);
  const name = rawName.replace(/\\/g, '/');
  if (name.startsWith('/')) refuse(rawName, 'absolute path');
  if (/^[A-Za-z]:/.test(name)) refuse(rawName, 'drive letter');
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20)) refuse(rawName, 'control character');
  const segments = name.split('/');
  // A trailing slash marks a folder entry; an empty segment elsewhere ("a//b") is refused.
  if (segments[segments.length - 1] === '') segments.pop();
  if (segments.length === 0) refuse(rawName, 'empty name');
  for (const segment of segments) {
    if (segment === '') refuse(rawName, 'empty path segment');
    if (segment === '..' || segment === '.') refuse(rawName, 'dot segment');
    if (segment.includes(':')) refuse(rawName, 'colon (NTFS stream or drive)');
    if (/[<>"|?*]/.test(segment)) refuse(rawName, 'character Windows cannot store');
    if (/[. ]$/.test(segment)) refuse(rawName, 'segment ending in a dot or space');
    if (RESERVED.test(segment)) refuse(rawName, 'reserved device name');
  }
  return segments.join('/');
}

/** Two names that one file system could store as the same file (case or Unicode normalisation). */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
