import { difficultQuestions } from '../../../shared/progress/difficult-questions';
import type { QuestionDifficulty } from '../../../shared/progress/difficult-questions';
import type { OutpostDb } from '../db/outpost-db';

/** The hardest questions of one exercise for these learners (their attempts, one index range each). */
export async function classDifficultQuestions(db: OutpostDb, contentId: string, learnerIds: readonly string[]): Promise<QuestionDifficulty[]> {
  const attempts = await Promise.all(learnerIds.map((id) => db.attemptLogs.where('[user+content_id]').equals([id, contentId]).toArray()));
  return difficultQuestions(attempts.flat());
}
