/**
 * Bodies nest at most this deep: deeper JSON breaks recursive code downstream (a schema's JSON.stringify,
 * IndexedDB's structured clone) and is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `max` arrays/objects at once; one linear pass, brackets in strings skipped. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}
