import type { LessonGrade } from '../../../shared/schemas/lesson-play-session';
import type { LessonPlaySessionResult } from '../../../shared/schemas/lesson-play-results';

/** What the session form holds, as typed. */
export interface SessionResultInput {
  readonly index: string;
  readonly grade: LessonGrade | '';
  readonly repCount: string;
  readonly targetRepCount: string;
  readonly skipped: boolean;
}

export type SessionResultCheck = { readonly ok: true; readonly session: LessonPlaySessionResult } | { readonly ok: false; readonly error: 'repsPair' | 'notANumber' };

const WHOLE = /^\d{1,6}$/;

/** The form's values as a session result, or why not: reps are whole numbers, given with their target or not at all. */
export function sessionResultFrom(input: SessionResultInput): SessionResultCheck {
  const reps = input.repCount.trim();
  const target = input.targetRepCount.trim();
  if ((reps !== '' && !WHOLE.test(reps)) || (target !== '' && !WHOLE.test(target))) return { ok: false, error: 'notANumber' };
  if ((reps === '') !== (target === '')) return { ok: false, error: 'repsPair' };
  return {
    ok: true,
    session: {
      index: Number(input.index),
      ...(input.grade ? { grade: input.grade } : {}),
      ...(reps !== '' ? { repCount: Number(reps), targetRepCount: Number(target) } : {}),
      skipped: input.skipped,
    },
  };
}
