import type { StartContentSessionRequest, StartContentSessionResponse } from '../schemas/content-session';
import { isCoachQuiz } from '../schemas/mastery-model';
import type { MasteryModel } from '../schemas/mastery-model';
import { forbiddenFinishedQuiz } from './logger-error';
import type { AttemptRecord, MasteryRecord, SessionRecord, SummaryRecord } from './logger-records';
import { attemptSummaryOf } from './logger-records';
import { sessionStartTarget } from './logger-target';

export interface StartPorts {
  readonly user: string;
  readonly now: Date;
  readonly newId: () => string;
  /** A negative try number for a new quiz try (Kolibri draws one at random so devices do not collide). */
  readonly quizLevel: () => number;
}

export interface StartPlan {
  readonly summary: SummaryRecord;
  readonly summaryCreated: boolean;
  readonly mastery: MasteryRecord | null;
  readonly masteryCreated: boolean;
  readonly session: SessionRecord;
}

/**
 * Kolibri's session start: the summary log is found or created (repeat sets its progress to 0), the try
 * (mastery log) is resumed or a new one made, and a new session log is always made. Throws 403 when the
 * try to resume is a submitted coach-assigned quiz; `repeat` starts a new try instead, as in Kolibri.
 * `tries` are the user's mastery logs under the found summary.
 */
export function planStart(body: StartContentSessionRequest, found: { summary?: SummaryRecord; tries: readonly MasteryRecord[] }, ports: StartPorts): StartPlan {
  const target = sessionStartTarget(body);
  const now = ports.now.toISOString();
  const stored = found.summary;
  const summary: SummaryRecord = stored
    ? { ...stored, channel_id: target.channel_id, end_timestamp: now, ...(body.repeat ? { progress: 0 } : {}) }
    : { id: ports.newId(), user: ports.user, content_id: target.content_id, channel_id: target.channel_id, kind: target.kind, start_timestamp: now, end_timestamp: now, completion_timestamp: null, time_spent: 0, progress: 0, extra_fields: {} };
  const chosen = target.model ? chooseTry(target.model, stored ? found.tries : [], body.repeat) : null;
  let mastery: MasteryRecord | null = null;
  let masteryCreated = false;
  if (target.model && chosen?.kind === 'resume') {
    if (chosen.log.complete && isCoachQuiz(chosen.log.mastery_criterion)) throw forbiddenFinishedQuiz();
    mastery = chosen.log;
  } else if (target.model && chosen?.kind === 'new') {
    const level = target.model.type === 'quiz' ? ports.quizLevel() : chosen.level;
    mastery = { id: ports.newId(), user: ports.user, content_id: summary.content_id, summarylog: summary.id, mastery_level: level, mastery_criterion: target.model, start_timestamp: now, end_timestamp: now, completion_timestamp: null, complete: false, correct: 0, correct_sum: 0, time_spent: 0, attempt_count: 0 };
    masteryCreated = true;
  }
  const session: SessionRecord = {
    id: ports.newId(), user: ports.user, node_id: body.node_id ?? null, content_id: target.content_id, channel_id: target.channel_id, kind: target.kind,
    lesson_id: body.lesson_id ?? null, quiz_id: body.quiz_id ?? null, course_session_id: body.course_session_id ?? null,
    start_timestamp: now, end_timestamp: now, time_spent: 0, progress: 0, extra_fields: {}, mastery_level: mastery?.mastery_level ?? null,
  };
  return { summary, summaryCreated: !stored, mastery, masteryCreated, session };
}

type Choice = { kind: 'resume'; log: MasteryRecord } | { kind: 'new'; level: number };

/**
 * Quizzes and exercises keep separate tries (negative and positive levels). The try to resume is the
 * unfinished one touched last, else the finished one touched last; a new one is made when there is none
 * or when a finished one is repeated. Decision: a new exercise try is numbered one above the highest
 * (Kolibri adds one to the chosen try, which can collide with a higher one ended earlier).
 */
function chooseTry(model: MasteryModel, tries: readonly MasteryRecord[], repeat: boolean): Choice {
  const quiz = model.type === 'quiz';
  const own = tries.filter((log) => (quiz ? log.mastery_level < 0 : log.mastery_level > 0));
  const chosen = [...own].sort((a, b) => Number(a.complete) - Number(b.complete) || b.end_timestamp.localeCompare(a.end_timestamp))[0];
  if (chosen && !(chosen.complete && repeat)) return { kind: 'resume', log: chosen };
  return { kind: 'new', level: own.reduce((max, log) => Math.max(max, log.mastery_level), 0) + 1 };
}

/** The start answer. `pastattempts` are the try's newest attempts (see pastAttemptLimit), newest first. */
export function startResponse(plan: StartPlan, pastattempts: readonly AttemptRecord[]): StartContentSessionResponse {
  const { summary, mastery, session } = plan;
  const context = {
    ...(session.node_id !== null ? { node_id: session.node_id } : {}),
    ...(session.lesson_id !== null ? { lesson_id: session.lesson_id } : {}),
    ...(session.quiz_id !== null ? { quiz_id: session.quiz_id } : {}),
    ...(mastery ? { mastery_level: mastery.mastery_level } : {}),
  };
  const base = { session_id: session.id, context, progress: summary.progress, time_spent: summary.time_spent, extra_fields: summary.extra_fields, complete: summary.progress >= 1 };
  if (!mastery) return base;
  // For a try, complete and time_spent are the try's own (a repeated exercise starts at 0 again).
  return { ...base, complete: mastery.complete, time_spent: mastery.time_spent, mastery_criterion: mastery.mastery_criterion, pastattempts: pastattempts.map(attemptSummaryOf), totalattempts: mastery.attempt_count };
}
