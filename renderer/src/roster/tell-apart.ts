import { searchKey } from '../../../shared/text/search-key';
import { MAX_NAME_LENGTH } from './class-list-csv';
import type { ClassListLearner } from './class-list-csv';

/**
 * Gives learners who share a name (two "Tom"s, or "Zoë" and "Zoe") names a learner can tell apart on the
 * sign-in list: the school's id in brackets when there is one, else 1, 2, ... in the list's order.
 */
export function tellApart(learners: readonly ClassListLearner[]): ClassListLearner[] {
  const counts = new Map<string, number>();
  for (const learner of learners) counts.set(searchKey(learner.display_name), (counts.get(searchKey(learner.display_name)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return learners.map((learner) => {
    const key = searchKey(learner.display_name);
    if ((counts.get(key) ?? 0) < 2) return learner;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    const suffix = ` (${learner.external_id ?? String(nth)})`;
    // Still within the 120 characters a name may have.
    const base = [...learner.display_name].slice(0, MAX_NAME_LENGTH - suffix.length).join('');
    return { ...learner, display_name: `${base}${suffix}` };
  });
}
