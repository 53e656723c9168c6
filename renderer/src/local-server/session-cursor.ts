import { z } from 'zod';
import type { KeysetStart } from '../data/keyset-page';

/**
 * Outpost's page cursor for the session lists (`?limit=&cursor=`, docs/api/vr-sessions.md): the last
 * listed item's time and id, as base64url of the JSON `[time, id]`. Callers treat it as opaque; it holds no
 * filter, so it must be sent back with the same filters it was answered with.
 */
export type SessionCursor = KeysetStart;

/** Longer text is no cursor we issued (a uuid and an ISO time encode to under 120 characters). */
export const MAX_CURSOR_LENGTH = 256;
const MAX_ID_LENGTH = 128;
/** A time as the kiosk stores it (ISO 8601); any text up to this long is taken as a position to start after. */
const MAX_AT_LENGTH = 64;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeSessionCursor(cursor: SessionCursor): string {
  return toBase64Url(JSON.stringify([cursor.at, cursor.id]));
}

/** The cursor, or null for any text this API did not issue (too long, not base64url, not `[time, id]`). */
export function decodeSessionCursor(text: string): SessionCursor | null {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH) return null;
  const json = fromBase64Url(text);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  if (typeof at !== 'string' || at.length === 0 || at.length > MAX_AT_LENGTH) return null;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return null;
  return { at, id };
}

/**
 * `limit` and `cursor` as the lists' extension takes them: `limit` a whole number 1..max written in
 * digits. A `cursor` means something only with `limit`; without `limit` the list is the seed's and ignores
 * it, as it ignores any parameter it does not know. Parsed apart from the seed's own query, whose schema
 * stays untouched.
 */
export function pagingQuerySchema(max: number) {
  return z.object({
    limit: z
      .string()
      .regex(/^[0-9]{1,6}$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(max))
      .optional(),
    cursor: z.string().optional(),
  });
}
