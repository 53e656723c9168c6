import type { TFunction } from 'i18next';
import type { RosterProblem } from './roster-file';

/** One line per problem, located the way an instructor would look for it in the file. */
export function rosterProblemText(t: TFunction, problem: RosterProblem): string {
  const text = t(`roster.problems.${problem.kind}`, { limit: problem.limit ?? 0 });
  if (problem.learner !== null && problem.field !== null) return t('roster.problemAtLearnerField', { number: problem.learner, field: problem.field, problem: text });
  if (problem.learner !== null) return t('roster.problemAtLearner', { number: problem.learner, problem: text });
  if (problem.field !== null) return t('roster.problemAtField', { field: problem.field, problem: text });
  return text;
}
