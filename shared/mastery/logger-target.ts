import type { LoggedKind, StartContentSessionRequest } from '../schemas/content-session';
import type { MasteryModel } from '../schemas/mastery-model';

export interface StartTarget {
  readonly content_id: string;
  readonly channel_id: string | null;
  readonly kind: LoggedKind | null;
  readonly model: MasteryModel | null;
}

/**
 * What a start request is about (Kolibri's _get_context): a content node with its kind and, for an
 * exercise, its mastery model; or a coach-assigned quiz, logged under the quiz id with kind "quiz" and the
 * model { type: 'quiz', coach_assigned: true }. The request schema has already checked the combinations.
 */
export function sessionStartTarget(body: StartContentSessionRequest): StartTarget {
  if (body.node_id === undefined && body.quiz_id !== undefined) {
    return { content_id: body.quiz_id, channel_id: null, kind: 'quiz', model: { type: 'quiz', coach_assigned: true } };
  }
  return { content_id: body.content_id ?? body.node_id ?? '', channel_id: body.channel_id ?? null, kind: body.kind ?? null, model: body.mastery_model ?? null };
}
