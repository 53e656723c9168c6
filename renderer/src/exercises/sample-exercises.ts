import { exerciseFileSchema } from '../../../shared/exercises/exercise-schema';
import type { ExerciseFile } from '../../../shared/exercises/exercise-schema';
import quiz from './samples/check-quiz.json';
import trueFalse from './samples/facts-true-false.json';
import choice from './samples/fractions-choice.json';
import numeric from './samples/numbers-numeric.json';
import text from './samples/words-text.json';

/**
 * The exercises bundled with the app (Perseus items, see docs/decisions.md "Exercise format"). They are
 * read through the same schema a downloaded channel would be, so a malformed sample fails loudly here.
 */
export const SAMPLE_EXERCISES: readonly ExerciseFile[] = [choice, numeric, text, trueFalse, quiz].map((file) => exerciseFileSchema.parse(file));

/** The id the list and the player know an exercise or quiz by. */
export function exerciseKey(file: ExerciseFile): string {
  return file.kind === 'exercise' ? file.content_id : file.quiz_id;
}

export function findSample(key: string): ExerciseFile | undefined {
  return SAMPLE_EXERCISES.find((file) => exerciseKey(file) === key);
}
