import { z } from 'zod';
import { multilingualTitleSchema, unitIntervalSchema } from './common';

export const LESSON_GRADES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'] as const;
export const lessonGradeSchema = z.enum(LESSON_GRADES);
export type LessonGrade = z.infer<typeof lessonGradeSchema>;

const repCountSchema = z.number().nonnegative();

/** The fields of one session, before the rep-count pairing rule (for schemas that reshape it). */
export const lessonPlaySessionObjectSchema = z.object({
  index: z.number().int().nonnegative(),
  grade: lessonGradeSchema.optional(),
  engagementLevel: unitIntervalSchema.optional(),
  poseSimilarity: unitIntervalSchema.optional(),
  repCount: repCountSchema.optional(),
  targetRepCount: repCountSchema.optional(),
  /** Filled in by the API from the lesson configuration. */
  title: multilingualTitleSchema.optional(),
  skipped: z.boolean().optional(),
});

/** A rep count means nothing without its target (and vice versa), so the seed requires them together. */
export function withRepPairRule<T extends z.ZodType<{ repCount?: number | undefined; targetRepCount?: number | undefined }>>(schema: T) {
  return schema
    .refine((s) => s.repCount === undefined || s.targetRepCount !== undefined, {
      path: ['targetRepCount'],
      message: 'targetRepCount is required when repCount is given',
    })
    .refine((s) => s.targetRepCount === undefined || s.repCount !== undefined, {
      path: ['repCount'],
      message: 'repCount is required when targetRepCount is given',
    });
}

/** One session (warm-up, workout, ...) of a lesson play. */
export const lessonPlaySessionSchema = withRepPairRule(lessonPlaySessionObjectSchema);
export type LessonPlaySession = z.infer<typeof lessonPlaySessionSchema>;
