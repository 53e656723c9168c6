import type { Interaction } from '../../shared/schemas/content-session';
import { loggerId, progressCollections } from './progress-records';
import type { AttemptLogRecord, ContentSessionRecord, MasteryLogRecord } from './records';
import { codedFailure } from './reply';
import type { ServerDeps } from './server-deps';

/**
 * One answer: a new attempt, or (with `id`, or `replace` for the same item in this sitting) an update of
 * an earlier one, whose history keeps every answer given.
 */
export function applyInteraction(deps: ServerDeps, mastery: MasteryLogRecord, session: ContentSessionRecord, interaction: Interaction, now: string): AttemptLogRecord {
  const { attempts } = progressCollections(deps);
  let previous: AttemptLogRecord | undefined;
  if (interaction.id !== undefined) {
    previous = attempts.get(interaction.id);
    if (!previous || previous.masterylog !== mastery.id) throw codedFailure(400, 'VALIDATION_ERROR', `Unknown attempt id ${interaction.id}`);
  } else if (interaction.replace) {
    previous = attempts.find({ masterylog: mastery.id, sessionlog: session.id, item: interaction.item }).at(-1);
  }
  const entry = {
    correct: interaction.correct,
    time_spent: interaction.time_spent,
    complete: interaction.complete,
    hinted: interaction.hinted,
    error: interaction.error,
    ...(interaction.answer !== undefined ? { answer: interaction.answer } : {}),
    ...(interaction.simple_answer !== undefined ? { simple_answer: interaction.simple_answer } : {}),
    timestamp: now,
  };
  const attempt: AttemptLogRecord = {
    id: previous?.id ?? loggerId(deps),
    item: interaction.item,
    start_timestamp: previous?.start_timestamp ?? now,
    end_timestamp: now,
    completion_timestamp: interaction.complete ? (previous?.completion_timestamp ?? now) : null,
    time_spent: interaction.time_spent,
    complete: interaction.complete,
    correct: interaction.correct,
    // A hint once taken stays taken: the answer was not given unaided.
    hinted: (previous?.hinted ?? false) || interaction.hinted,
    answer: interaction.answer ?? previous?.answer ?? {},
    simple_answer: interaction.simple_answer ?? previous?.simple_answer ?? '',
    interaction_history: [...(previous?.interaction_history ?? []), entry],
    error: interaction.error,
    user: session.user,
    masterylog: mastery.id,
    sessionlog: previous?.sessionlog ?? session.id,
    content_id: mastery.content_id,
    mastery_level: mastery.mastery_level,
  };
  attempts.put(attempt);
  return attempt;
}
