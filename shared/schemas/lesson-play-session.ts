import { z } from 'zod';
import { multilingualTitleSchema, unitIntervalSchema } from './common';

export const LESSON_GRADES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'] as const;
export const lessonGradeSchema = z.enum(LESSON_GRADES);
export type LessonGrade = z.infer<typeof lessonGradeSchema>;

const repCountSchema = z.number().nonnegative();

/** One session (warm-up, workout, ...) of a lesson play. */
export const lessonPlaySessionSchema = z
  .object({
    index: z.number().int().nonnegative(),
    grade: lessonGradeSchema.optional(),
    engagementLevel: unitIntervalSchema.optional(),
    poseSimilarity: unitIntervalSchema.optional(),
    repCount: repCountSchema.optional(),
    targetRepCount: repCountSchema.optional(),
    /** Filled in by the API from the lesson configuration. */
    title: multilingualTitleSchema.optional(),
    skipped: z.boolean().optional(),
  })
  // A rep count means nothing without its target (and vice versa), so the seed requires them together.
  .refine((s) => s.repCount === undefined || s.targetRepCount !== undefined, {
    path: ['targetRepCount'],
    message: 'targetRepCount is required when repCount is given',
  })
  .refine((s) => s.targetRepCount === undefined || s.repCount !== undefined, {
    path: ['repCount'],
    message: 'repCount is required when targetRepCount is given',
  });
export type LessonPlaySession = z.infer<typeof lessonPlaySessionSchema>;
