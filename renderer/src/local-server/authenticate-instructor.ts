import type { InstructorGuard } from '../data/instructor-guard';

/**
 * The seeds' admin credentials (an AdminToken, a revokable token) map onto the kiosk's instructor role.
 * main holds the instructor's session, so a call made for the instructor carries no secret of its own:
 * it says `Authorization: Instructor`, and the local API asks main (through the guard) whether an
 * instructor is signed in for this window right now. Course content never reaches this handler.
 */
export const INSTRUCTOR_AUTHORIZATION = 'Instructor';

export function claimsInstructor(request: Request): boolean {
  return request.headers.get('authorization')?.trim() === INSTRUCTOR_AUTHORIZATION;
}

/** True only when the request claims the instructor role and main confirms it. */
export async function isInstructorCall(request: Request, guard: InstructorGuard | undefined): Promise<boolean> {
  if (!guard || !claimsInstructor(request)) return false;
  return guard.require().then(
    () => true,
    () => false,
  );
}
