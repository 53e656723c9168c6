import { createInstructorGuard } from '../../renderer/src/data/instructor-guard';
import type { InstructorGuard } from '../../renderer/src/data/instructor-guard';

/** A guard whose answer the test sets, asked through the same code path the app uses. */
export function switchableGuard(initially: boolean): InstructorGuard & { signedIn: boolean; asked: number } {
  const state = {
    signedIn: initially,
    asked: 0,
    require: () => guard.require(),
  };
  const guard = createInstructorGuard(async () => {
    state.asked += 1;
    return { signed_in: state.signedIn };
  });
  return state;
}

export const instructorSignedIn = (): InstructorGuard => switchableGuard(true);
export const nobodySignedIn = (): InstructorGuard => switchableGuard(false);
