import { z } from 'zod';
import { apiBaseUrlSchema } from '../settings';

/**
 * Where statements go when the school has a Learning Record Store, and how Outpost signs in to it.
 * The endpoint follows the API address's rules (https, plain http only to this computer, no credentials,
 * query or fragment); the credentials are kept in main only, like the API token.
 */
export const lrsConfigSchema = z
  .object({
    endpoint: apiBaseUrlSchema,
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('basic'), username: z.string().min(1).max(256).refine((u) => !u.includes(':'), 'A Basic user name cannot contain ":"'), password: z.string().max(1024) }).strict(),
      z.object({ kind: z.literal('token'), token: z.string().trim().min(8).max(4096) }).strict(),
    ]),
  })
  .strict();
export type LrsConfig = z.infer<typeof lrsConfigSchema>;

/** At most this many statements in one POST: an LRS may refuse a larger batch, and a refusal costs all of it. */
export const MAX_STATEMENTS_PER_POST = 50;

/** What the app shows of the LRS settings: never the password or token, which stay in main. */
export const lrsViewSchema = z
  .object({ endpoint: z.string(), auth_kind: z.enum(['basic', 'token']), username: z.string().optional() })
  .strict();
export type LrsView = z.infer<typeof lrsViewSchema>;

export function lrsView(config: LrsConfig): LrsView {
  return { endpoint: config.endpoint, auth_kind: config.auth.kind, ...(config.auth.kind === 'basic' ? { username: config.auth.username } : {}) };
}
