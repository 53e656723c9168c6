import { LESSON_PLAY_ERROR_MESSAGES } from '../../../shared/schemas/api-error';
import { checkToken } from '../auth/kiosk-auth';
import type { AuthClock } from '../auth/kiosk-auth';
import type { InstructorGuard } from '../data/instructor-guard';
import type { OutpostDb } from '../db/outpost-db';
import { claimsInstructor, isInstructorCall } from './authenticate-instructor';
import { tokenFrom } from './authenticate';
import { lessonPlayFailure } from './lesson-play-errors';

/**
 * The seed's three credentials on a kiosk (docs/api/lesson-plays.md): a learner's kiosk sign-in token as
 * `Authorization: Bearer` is the ID token (uid = the learner's id; it sees and changes only its own
 * plays); the instructor's role, claimed with `Authorization: Instructor` and confirmed by main, stands
 * for AdminToken / RevokableToken (reads the whole client, writes nothing: the seed's writes take an ID
 * token). Anything else is 401 "Unauthorized".
 */
export type LessonPlayCaller = { readonly kind: 'user'; readonly uid: string } | { readonly kind: 'admin' };

export async function authenticateLessonPlayCaller(
  db: OutpostDb,
  request: Request,
  clock: AuthClock,
  guard: InstructorGuard | undefined,
  options: { readonly allowAdmin: boolean },
): Promise<LessonPlayCaller> {
  if (claimsInstructor(request)) {
    if (options.allowAdmin && (await isInstructorCall(request, guard))) return { kind: 'admin' };
    throw lessonPlayFailure(401, LESSON_PLAY_ERROR_MESSAGES.unauthorized);
  }
  const token = tokenFrom(request);
  const check = token ? await checkToken(db, token, clock) : { ok: false as const };
  if (!check.ok) throw lessonPlayFailure(401, LESSON_PLAY_ERROR_MESSAGES.unauthorized);
  return { kind: 'user', uid: check.userId };
}
