import { z } from 'zod';
import { activitySchema } from './activity';
import { nonEmptyStringSchema } from './common';
import { rosterImportSchema } from './learner';
import { lessonConfigSchema } from './lesson-config';
import { vrPackageSchema } from './vr-package';

/*
 * The catalog pull: what a kiosk downloads so it can work offline. The seeds do not cover it, so this is
 * Outpost's own minimal contract, kept to what the app stores. Every endpoint needs a Bearer token and
 * answers errors as the VR APIs do ({ error, code }).
 *
 *   GET /api/vr-packages -> { packages: VrPackage[] }
 *   GET /api/activities  -> { activities: Activity[] }
 *   GET /api/roster      -> { tenant_id, learners: [{ id, display_name, role }] }  (the roster import file)
 *   GET /api/lessons     -> { lessons: Lesson[] }
 *
 * Lists are whole (no paging): a school's catalog is small, and a partial pull would leave a kiosk with
 * activities whose packages it has never heard of.
 */

/** A lesson as the lessons list serves it: a lesson configuration that is sure to have its id. */
export const lessonSchema = lessonConfigSchema.extend({ id: nonEmptyStringSchema });
export type Lesson = z.infer<typeof lessonSchema>;

export const vrPackagesResponseSchema = z.object({ packages: z.array(vrPackageSchema) });
export type VrPackagesResponse = z.infer<typeof vrPackagesResponseSchema>;

export const activitiesResponseSchema = z.object({ activities: z.array(activitySchema) });
export type ActivitiesResponse = z.infer<typeof activitiesResponseSchema>;

export const rosterResponseSchema = rosterImportSchema;
export type RosterResponse = z.infer<typeof rosterResponseSchema>;

export const lessonsResponseSchema = z.object({ lessons: z.array(lessonSchema) });
export type LessonsResponse = z.infer<typeof lessonsResponseSchema>;

/**
 * The envelope of each list with its items left unparsed, for a client that parses item by item: a
 * package for a headset this build does not know, or an activity type it cannot launch, is then skipped
 * instead of failing the whole pull.
 */
export const catalogEnvelopeSchemas = {
  packages: z.object({ packages: z.array(z.unknown()) }),
  activities: z.object({ activities: z.array(z.unknown()) }),
  lessons: z.object({ lessons: z.array(z.unknown()) }),
} as const;

/** Parses each item on its own; the refused ones come back with their index so they can be reported. */
export function parseCatalogItems<T extends z.ZodType>(
  schema: T,
  items: readonly unknown[],
): { items: Array<z.output<T>>; refused: Array<{ index: number; issues: z.core.$ZodIssue[] }> } {
  const parsed: Array<z.output<T>> = [];
  const refused: Array<{ index: number; issues: z.core.$ZodIssue[] }> = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else refused.push({ index, issues: result.error.issues });
  });
  return { items: parsed, refused };
}
