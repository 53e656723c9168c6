import type { LessonPlaySortField } from './sorting';
import { TEXT_SORT_FIELDS } from './sorting';

/**
 * Where the next page starts. The seed's startAfter is "the sortBy value of the last item", which skips
 * every other play sharing that value at a page boundary. Outpost's nextPageToken is the last item's
 * sortBy value and its id, as the JSON text `[value, id]`; the listing continues strictly after that
 * pair in (value, id) order, so no play is skipped or repeated however many share a value, and plays
 * added between pages land either before the cursor (not shown, as on the remote) or after it (shown once).
 * A bare value (the seed's form) is still accepted and means: after every play with that value.
 */
export type LessonPlayCursor = { readonly value: string | number; readonly id: string | null };

export function encodeCursor(value: string | number, id: string): string {
  return JSON.stringify([value, id]);
}

export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid startAfter');
    this.name = 'InvalidCursorError';
  }
}

function valueFor(field: LessonPlaySortField, raw: unknown): string | number {
  if (TEXT_SORT_FIELDS.has(field)) {
    if (typeof raw === 'string') return raw;
  } else {
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  }
  throw new InvalidCursorError();
}

/** Reads a startAfter for a sort field; throws InvalidCursorError for one that cannot belong to it. */
export function decodeCursor(text: string, field: LessonPlaySortField): LessonPlayCursor {
  if (text.length > 1024) throw new InvalidCursorError();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InvalidCursorError();
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string' || parsed[1] === '') throw new InvalidCursorError();
    return { value: valueFor(field, parsed[0]), id: parsed[1] };
  }
  return { value: valueFor(field, text), id: null };
}
