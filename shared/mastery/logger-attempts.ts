import type { InteractionEntry } from '../schemas/attempt-log';
import type { Interaction } from '../schemas/content-session';
import type { AttemptRecord, MasteryRecord, SessionRecord } from './logger-records';

/**
 * Consecutive interactions for the same item form one group: the first finds or creates the attempt and
 * the rest update it (Kolibri's groupby over the request's interactions).
 */
export function groupInteractions(interactions: readonly Interaction[]): Interaction[][] {
  const groups: Interaction[][] = [];
  for (const interaction of interactions) {
    const last = groups.at(-1);
    if (last && last[0]?.item === interaction.item) last.push(interaction);
    else groups.push([interaction]);
  }
  return groups;
}

/** The history entry an interaction leaves: an error, a hint (with the answer shown) or an answer. */
export function interactionEntry(interaction: Interaction): InteractionEntry {
  if (interaction.error) return { type: 'error' };
  if (interaction.hinted) return { type: 'hint', answer: interaction.answer ?? {} };
  return { type: 'answer', answer: interaction.answer ?? {}, correct: interaction.correct };
}

export interface AttemptPlace {
  readonly mastery: MasteryRecord;
  readonly session: SessionRecord;
  readonly now: Date;
  readonly id: string;
  readonly ordinal: number;
}

/** A new attempt from a group's first interaction; it started time_spent seconds before now. */
export function createAttempt(interaction: Interaction, place: AttemptPlace): AttemptRecord {
  const end = place.now.toISOString();
  return {
    id: place.id,
    item: interaction.item,
    start_timestamp: new Date(place.now.getTime() - interaction.time_spent * 1000).toISOString(),
    end_timestamp: end,
    completion_timestamp: interaction.complete ? end : null,
    time_spent: interaction.time_spent,
    complete: interaction.complete,
    correct: interaction.correct,
    hinted: interaction.hinted,
    answer: interaction.answer ?? {},
    simple_answer: interaction.simple_answer ?? '',
    interaction_history: [interactionEntry(interaction)],
    error: interaction.error,
    user: place.session.user,
    masterylog: place.mastery.id,
    sessionlog: place.session.id,
    content_id: place.mastery.content_id,
    mastery_level: place.mastery.mastery_level,
    ordinal: place.ordinal,
  };
}

/**
 * Kolibri's _update_attempt. The history grows and time_spent is replaced; error and complete are sticky;
 * a hint marks the attempt only while it is not already (even partly) correct; correctness and the
 * answer change only with `replace`, so an exercise retry keeps the first submission's correctness.
 */
export function updateAttempt(attempt: AttemptRecord, interaction: Interaction, now: string): AttemptRecord {
  const replaced = interaction.replace
    ? {
        correct: interaction.correct,
        ...(interaction.answer !== undefined ? { answer: interaction.answer } : {}),
        ...(interaction.simple_answer !== undefined ? { simple_answer: interaction.simple_answer } : {}),
      }
    : {};
  const completes = interaction.complete && !attempt.complete;
  return {
    ...attempt,
    interaction_history: [...attempt.interaction_history, interactionEntry(interaction)],
    end_timestamp: now,
    time_spent: interaction.time_spent,
    error: attempt.error || interaction.error,
    hinted: attempt.hinted || (interaction.hinted && !attempt.correct),
    ...replaced,
    ...(completes ? { complete: true, completion_timestamp: now } : {}),
  };
}

/** What a caller must load before planning an update: attempts named by id, and (for replace) by item. */
export function attemptLookups(interactions: readonly Interaction[]): { ids: string[]; replaceItems: string[] } {
  const ids = new Set<string>();
  const replaceItems = new Set<string>();
  for (const [first] of groupInteractions(interactions)) {
    if (first?.id !== undefined) ids.add(first.id);
    else if (first?.replace) replaceItems.add(first.item);
  }
  return { ids: [...ids], replaceItems: [...replaceItems] };
}
