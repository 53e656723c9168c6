import { createHash, randomBytes } from 'node:crypto';
import { LESSON_PLAY_ERROR_MESSAGES } from '../../shared/schemas/api-error';
import type { RosterResponse } from '../../shared/schemas/catalog';
import { COLLECTIONS } from './records';
import type { TokenRecord } from './records';
import { codedFailure, lessonPlayFailure, vrFailure } from './reply';
import type { RouteContext } from './server-deps';
import type { Store } from './store';

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

export interface IssueTokenOptions {
  readonly ttlSeconds?: number;
  /** An admin token, for the lesson-plays AdminToken/RevokableToken headers. */
  readonly admin?: boolean;
}

/** Test helpers standing in for the remote's sign-in: tokens are only ever minted here. */
export interface TokenHelpers {
  /** Issues a Bearer token for userId (who need not be on the roster: that is how PROFILE_NOT_FOUND is reached). */
  issue(userId: string, options?: IssueTokenOptions): string;
  /** Every token issued so far stops working now; tokens issued afterwards work. */
  expireAll(): void;
  revoke(token: string): void;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createTokenHelpers(store: () => Store, now: () => Date): TokenHelpers {
  const tokens = () => store().collection<TokenRecord>(COLLECTIONS.tokens);
  return {
    issue(userId, options = {}) {
      const token = randomBytes(24).toString('base64url');
      const issued = now();
      const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
      tokens().insert({
        id: hashToken(token),
        user_id: userId,
        admin: options.admin ?? false,
        issued_at: issued.toISOString(),
        expires_at: new Date(issued.getTime() + ttl * 1000).toISOString(),
      });
      return token;
    },
    expireAll() {
      const at = now().toISOString();
      store().transaction(() => {
        for (const record of tokens().find()) if (record.expires_at > at) tokens().put({ ...record, expires_at: at });
      });
    },
    revoke(token) {
      tokens().delete(hashToken(token));
    },
  };
}

/** The live token record for a presented token, or null (unknown, revoked or expired). */
export function lookUpToken(ctx: RouteContext, token: string | null): TokenRecord | null {
  if (!token) return null;
  const record = ctx.deps.store.collection<TokenRecord>(COLLECTIONS.tokens).get(hashToken(token));
  if (!record || record.expires_at <= ctx.deps.now().toISOString()) return null;
  ctx.caller.userId = record.user_id;
  return record;
}

export function bearerToken(headers: Headers): string | null {
  return headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
}

export type RosterLearner = RosterResponse['learners'][number];

/**
 * VR sessions: 401 UNAUTHORIZED without a live token; 404 PROFILE_NOT_FOUND for a user not on the roster.
 * A classroom kiosk syncs a whole class with one device (admin) token, naming the learner each request is
 * for in X-Outpost-User; a learner's own token cannot speak for anyone else.
 */
export function authenticateLearner(ctx: RouteContext): RosterLearner {
  const record = lookUpToken(ctx, bearerToken(ctx.headers));
  if (!record) throw vrFailure('UNAUTHORIZED', 'Authentication required');
  const onBehalfOf = ctx.headers.get('x-outpost-user')?.trim();
  const userId = record.admin && onBehalfOf ? onBehalfOf : record.user_id;
  ctx.caller.userId = userId;
  const learner = ctx.deps.seed.learners.find((l) => l.id === userId);
  if (!learner) throw vrFailure('PROFILE_NOT_FOUND', 'User profile not found');
  return learner;
}

/** The catalog is pulled per device, so any live token will do; errors are shaped like the VR APIs'. */
export function authenticateDevice(ctx: RouteContext): TokenRecord {
  const record = lookUpToken(ctx, bearerToken(ctx.headers));
  if (!record) throw vrFailure('UNAUTHORIZED', 'Authentication required');
  return record;
}

/** SCORM takes an API key in X-API-Key or as a Bearer token; every live token doubles as a key here. */
export function authenticateApiKey(ctx: RouteContext): TokenRecord {
  const record = lookUpToken(ctx, ctx.headers.get('x-api-key') ?? bearerToken(ctx.headers));
  if (!record) throw codedFailure(401, 'UNAUTHORIZED', 'Authentication required');
  return record;
}

/** Progress tracking and xAPI: Bearer, answered with {error, code}. */
export function authenticateBearer(ctx: RouteContext): TokenRecord {
  const record = lookUpToken(ctx, bearerToken(ctx.headers));
  if (!record) throw codedFailure(401, 'UNAUTHORIZED', 'Authentication required');
  return record;
}

/**
 * The LRS: a token as Bearer, or HTTP Basic (xAPI Communication 4.1: "key:secret") whose password is a
 * live token and whose user name is any non-empty key name. Anything else is 401, answered with {error, code}.
 */
export function authenticateLrs(ctx: RouteContext): TokenRecord {
  const record = lookUpToken(ctx, bearerToken(ctx.headers) ?? basicSecret(ctx.headers));
  if (!record) throw codedFailure(401, 'UNAUTHORIZED', 'Authentication required');
  return record;
}

/** The password of an `Authorization: Basic` header, or null when there is none or it is malformed. */
export function basicSecret(headers: Headers): string | null {
  const encoded = headers.get('authorization')?.match(/^Basic\s+([A-Za-z0-9+/]+={0,2})$/i)?.[1];
  if (!encoded || encoded.length > 8192) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(colon + 1) || null : null;
}

/**
 * Lesson plays. An ID token (Bearer) speaks for one user, whose uid the seed checks plays against; an
 * admin token (AdminToken or RevokableToken header) speaks for the whole client. Writes take ID tokens only.
 */
export type LessonPlayCaller = { readonly kind: 'user'; readonly uid: string } | { readonly kind: 'admin' };

export function authenticateLessonPlayCaller(ctx: RouteContext, options: { allowAdmin: boolean }): LessonPlayCaller {
  const bearer = lookUpToken(ctx, bearerToken(ctx.headers));
  if (bearer) return { kind: 'user', uid: bearer.user_id };
  if (options.allowAdmin) {
    for (const header of ['admintoken', 'revokabletoken']) {
      const record = lookUpToken(ctx, ctx.headers.get(header)?.trim() ?? null);
      if (record?.admin) return { kind: 'admin' };
    }
  }
  throw lessonPlayFailure(401, LESSON_PLAY_ERROR_MESSAGES.unauthorized);
}
