import { checkToken } from '../auth/kiosk-auth';
import type { AuthClock } from '../auth/kiosk-auth';
import type { OutpostDb } from '../db/outpost-db';
import type { LearnerRow } from '../db/rows';
import { ApiFailure, vrError } from './api-response';

export const SESSION_COOKIE = 'outpost_session';

/** The seed accepts a session cookie or a Bearer token; so does the local API. */
export function tokenFrom(request: Request): string | null {
  const authorization = request.headers.get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return cookieValue(value.join('='));
  }
  return null;
}

/** A cookie value that does not decode (`%ZZ`) is no token at all: 401, never an exception (a 500). */
function cookieValue(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** 401 UNAUTHORIZED without a live token; 404 PROFILE_NOT_FOUND when the token's user left the roster. */
export async function authenticate(db: OutpostDb, request: Request, clock: AuthClock): Promise<LearnerRow> {
  return learnerProfile(db, await authenticatedUserId(db, request, clock));
}

/** The user a live token names, or 401 UNAUTHORIZED; `learnerProfile` then checks they are still on the roster. */
export async function authenticatedUserId(db: OutpostDb, request: Request, clock: AuthClock): Promise<string> {
  const token = tokenFrom(request);
  const check = token ? await checkToken(db, token, clock) : { ok: false as const };
  if (!check.ok) throw new ApiFailure(vrError('UNAUTHORIZED', 'Authentication required'));
  return check.userId;
}

/** The user's roster row, or 404 PROFILE_NOT_FOUND. */
export async function learnerProfile(db: OutpostDb, userId: string): Promise<LearnerRow> {
  const learner = await db.learners.get(userId);
  if (!learner) throw new ApiFailure(vrError('PROFILE_NOT_FOUND', 'User profile not found'));
  return learner;
}
