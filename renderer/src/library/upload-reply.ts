import { z } from 'zod';
import { storedFileSchema } from '../../../shared/headsets/sideload-contract';
import type { StoredFile } from '../../../shared/headsets/sideload-contract';

/** The store's refusals, the hosts' own refusals, and what can go wrong on the way. */
export type UploadErrorCode = 'NOT_AN_APK' | 'TOO_LARGE' | 'EMPTY' | 'BAD_NAME' | 'WRITE_FAILED' | 'FORBIDDEN' | 'NETWORK' | 'BAD_RESPONSE';

export type UploadReply = { readonly ok: true; readonly file: StoredFile } | { readonly ok: false; readonly code: UploadErrorCode; readonly message: string };

const KNOWN_CODES = new Set<string>(['NOT_AN_APK', 'TOO_LARGE', 'EMPTY', 'BAD_NAME', 'WRITE_FAILED', 'FORBIDDEN']);

const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: storedFileSchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * Reads the upload endpoint's answer. Electron's app:// handler refuses with plain text rather than JSON,
 * so a bare status is understood too.
 */
export function parseUploadReply(status: number, body: string): UploadReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (status === 403) return { ok: false, code: 'FORBIDDEN', message: body };
    if (status === 413) return { ok: false, code: 'TOO_LARGE', message: body };
    return { ok: false, code: 'BAD_RESPONSE', message: `HTTP ${status}` };
  }
  const reply = replySchema.safeParse(json);
  if (!reply.success) return { ok: false, code: 'BAD_RESPONSE', message: `HTTP ${status}` };
  if (reply.data.ok) return { ok: true, file: reply.data.value };
  const { code, message } = reply.data.error;
  return { ok: false, code: KNOWN_CODES.has(code) ? (code as UploadErrorCode) : 'BAD_RESPONSE', message };
}
