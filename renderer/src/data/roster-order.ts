import type { LearnerRow } from '../db/rows';

/** Names sort the way the UI language sorts them (pinyin order for Chinese, case-blind for English). */
export function sortLearners<T extends Pick<LearnerRow, 'display_name'>>(learners: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...learners].sort((a, b) => collator.compare(a.display_name, b.display_name));
}

function fold(text: string): string {
  // NFKC makes full-width letters typed on a CJK keyboard match their ASCII spelling.
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** A learner finds themselves by any part of their name. */
export function filterLearners<T extends Pick<LearnerRow, 'display_name'>>(learners: readonly T[], query: string): T[] {
  const needle = fold(query);
  if (needle === '') return [...learners];
  return learners.filter((learner) => fold(learner.display_name).includes(needle));
}
