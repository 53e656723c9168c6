import { z } from 'zod';
import { multilingualTitleSchema } from './common';

/**
 * The `lesson` the API attaches to a lesson play. The seed calls it the full lesson configuration but
 * shows only these three fields, so they are all optional and anything else is passed through untouched.
 */
export const lessonConfigSchema = z.looseObject({
  id: z.string().optional(),
  title: multilingualTitleSchema.optional(),
  workoutCategory: z.string().optional(),
});
export type LessonConfig = z.infer<typeof lessonConfigSchema>;
