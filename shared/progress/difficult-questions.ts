import type { AttemptRecord } from '../mastery/logger-records';

export type AttemptFacts = Pick<AttemptRecord, 'user' | 'item' | 'correct' | 'ordinal' | 'end_timestamp' | 'masterylog'>;

export interface QuestionDifficulty {
  readonly item: string;
  /** Learners whose latest answer to the question was not fully right. */
  readonly wrong: number;
  /** Learners who answered it at all. */
  readonly answered: number;
}

/**
 * The questions of one exercise the class finds hardest: for each question, how many learners got it wrong
 * on their latest answer out of those who answered, most wrong first (then by share, then by item id). As
 * Kolibri's coach "difficult questions", a learner counts once per question however often they tried.
 */
export function difficultQuestions(attempts: readonly AttemptFacts[]): QuestionDifficulty[] {
  const latest = new Map<string, AttemptFacts>();
  for (const attempt of attempts) {
    const key = `${attempt.item}\n${attempt.user}`;
    const seen = latest.get(key);
    if (!seen || attempt.end_timestamp > seen.end_timestamp || (attempt.end_timestamp === seen.end_timestamp && attempt.ordinal > seen.ordinal)) latest.set(key, attempt);
  }
  const byItem = new Map<string, { wrong: number; answered: number }>();
  for (const attempt of latest.values()) {
    const tally = byItem.get(attempt.item) ?? { wrong: 0, answered: 0 };
    byItem.set(attempt.item, { wrong: tally.wrong + (attempt.correct < 1 ? 1 : 0), answered: tally.answered + 1 });
  }
  return [...byItem]
    .map(([item, tally]) => ({ item, ...tally }))
    .filter((q) => q.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || b.wrong / b.answered - a.wrong / a.answered || a.item.localeCompare(b.item));
}
