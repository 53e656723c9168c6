import { searchKey as fold } from '../../../shared/text/search-key';
import type { LearnerRow } from '../db/rows';
import { collator as cachedCollator } from '../i18n/formatters';

/** Names sort the way the UI language sorts them (pinyin order for Chinese, case-blind for English). */
export function sortLearners<T extends Pick<LearnerRow, 'display_name'>>(learners: readonly T[], locale: string): T[] {
  const collator = cachedCollator(locale, { sensitivity: 'base', numeric: true });
  return [...learners].sort((a, b) => collator.compare(a.display_name, b.display_name));
}

/** A learner finds themselves by any part of their name, accents and case aside ("zoe" finds Zoë). */
export function filterLearners<T extends Pick<LearnerRow, 'display_name'>>(learners: readonly T[], query: string): T[] {
  const needle = fold(query);
  if (needle === '') return [...learners];
  return learners.filter((learner) => fold(learner.display_name).includes(needle));
}
