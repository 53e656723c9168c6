import { createHash } from 'node:crypto';
import { COLLECTIONS } from './records';
import type { IdempotencyRecord } from './records';
import type { Store } from './store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on a replayed response, so tests (and curious clients) can tell a replay from a fresh write. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const MAX_KEY_LENGTH = 255;

/**
 * What makes two requests "the same" for a key: caller, method, path with query, and body bytes. A key
 * reused for a different request is an error (422), as in the IETF Idempotency-Key draft, rather than a
 * replay of something the client did not ask for. The token itself is left out, so a retry with a
 * freshly issued token still replays.
 */
export function requestFingerprint(method: string, url: URL, bodyText: string, callerId: string | null): string {
  return createHash('sha256').update(JSON.stringify([callerId, method, `${url.pathname}${url.search}`, bodyText])).digest('hex');
}

/** The usable key from a header value, or null (absent, blank or absurdly long keys are ignored). */
export function idempotencyKeyFrom(headerValue: string | null | undefined): string | null {
  const key = headerValue?.trim();
  return key && key.length <= MAX_KEY_LENGTH ? key : null;
}

export function findStoredReply(store: Store, key: string): IdempotencyRecord | undefined {
  return store.collection<IdempotencyRecord>(COLLECTIONS.idempotency).get(key);
}

/** Called inside the write's own transaction, so the write and its remembered reply commit together. */
export function rememberReply(store: Store, record: IdempotencyRecord): void {
  store.collection<IdempotencyRecord>(COLLECTIONS.idempotency).insert(record);
}
