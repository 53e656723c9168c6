import { z } from 'zod';
import { scorm2004EditionSchema, scormVersionSchema } from '../schemas/scorm-package';

/**
 * What Outpost keeps of an imported course's imsmanifest.xml: enough to build the table of contents,
 * launch each SCO with its own launch data and limits, and drive simple 2004 flow/choice navigation.
 * Sequencing rules are kept as read (condition and action names) so the player can honour the ones it
 * supports and the README can say which it does not.
 */
export const sequencingRuleSchema = z.object({
  combination: z.enum(['all', 'any']),
  conditions: z.array(z.object({ condition: z.string(), operator: z.enum(['noOp', 'not']), measure_threshold: z.number().optional() })),
  action: z.string(),
});
export type SequencingRule = z.infer<typeof sequencingRuleSchema>;

export const itemSequencingSchema = z.object({
  choice: z.boolean().optional(),
  flow: z.boolean().optional(),
  forward_only: z.boolean().optional(),
  pre_condition_rules: z.array(sequencingRuleSchema),
  exit_condition_rules: z.array(sequencingRuleSchema),
  post_condition_rules: z.array(sequencingRuleSchema),
  rollup_rules: z.array(sequencingRuleSchema),
  /** Primary objective: imsss:minNormalizedMeasure when satisfiedByMeasure. */
  min_normalized_measure: z.number().min(-1).max(1).optional(),
  satisfied_by_measure: z.boolean().optional(),
  attempt_limit: z.number().int().nonnegative().optional(),
});
export type ItemSequencing = z.infer<typeof itemSequencingSchema>;

export interface CourseItem {
  readonly identifier: string;
  readonly title: string;
  /** Package-relative launch path with the item's parameters applied; null for a cluster or an item without a resource. */
  readonly launch: string | null;
  /** SCO (talks to the runtime) or asset (just shown). */
  readonly scorm_type: 'sco' | 'asset' | null;
  readonly visible: boolean;
  readonly launch_data?: string | undefined;
  /** 1.2 adlcp:masteryscore (0-100). */
  readonly mastery_score?: number | undefined;
  /** 2004 adlcp:completionThreshold (0-1). */
  readonly completion_threshold?: number | undefined;
  readonly max_time_allowed?: string | undefined;
  readonly time_limit_action?: string | undefined;
  readonly sequencing?: ItemSequencing | undefined;
  readonly children: readonly CourseItem[];
}

export const courseItemSchema: z.ZodType<CourseItem> = z.lazy(() =>
  z.object({
    identifier: z.string().min(1),
    title: z.string(),
    launch: z.string().nullable(),
    scorm_type: z.enum(['sco', 'asset']).nullable(),
    visible: z.boolean(),
    launch_data: z.string().optional(),
    mastery_score: z.number().min(0).max(100).optional(),
    completion_threshold: z.number().min(0).max(1).optional(),
    max_time_allowed: z.string().optional(),
    time_limit_action: z.string().optional(),
    sequencing: itemSequencingSchema.optional(),
    children: z.array(courseItemSchema),
  }),
);

export const courseOrganizationSchema = z.object({
  identifier: z.string().min(1),
  title: z.string(),
  items: z.array(courseItemSchema),
});
export type CourseOrganization = z.infer<typeof courseOrganizationSchema>;

/** The importer's answer and the renderer's course record (plus who may see it). */
export const scormCourseSchema = z.object({
  id: z.string().regex(/^pkg-[0-9a-f]{24}$/),
  manifest_identifier: z.string(),
  title: z.string(),
  version: scormVersionSchema,
  edition: scorm2004EditionSchema.optional(),
  /** The course's version as the manifest states it (manifest@version), shown in the library. */
  course_version: z.string().optional(),
  default_organization: z.string(),
  organizations: z.array(courseOrganizationSchema).min(1),
  sco_count: z.number().int().nonnegative(),
  file_count: z.number().int().positive(),
  size_bytes: z.number().int().nonnegative(),
  zip_bytes: z.number().int().nonnegative(),
});
export type ScormCourse = z.infer<typeof scormCourseSchema>;
