import { z } from 'zod';
import { scorm2004EditionSchema, scormVersionSchema } from '../schemas/scorm-package';
import { COURSE_ID_PATTERN } from './scorm-ipc-contract';

/**
 * What Outpost keeps of an imported course's imsmanifest.xml: enough to build the table of contents,
 * launch each SCO with its own launch data and limits, and drive simple 2004 flow/choice navigation.
 * Sequencing is kept as read (control modes, rules with their condition and action names, rollup, objectives
 * with their maps, limits, randomization) and handed to the sequencing engine in the player
 * (renderer/src/scorm/sequencing-tree.ts); docs/scorm-support.md says what is evaluated.
 */
export const sequencingRuleSchema = z.object({
  combination: z.enum(['all', 'any']),
  conditions: z.array(
    z.object({
      condition: z.string(),
      operator: z.enum(['noOp', 'not']),
      measure_threshold: z.number().optional(),
      /** imsss:ruleCondition@referencedObjective: the objective the condition reads (else the primary). */
      referenced_objective: z.string().optional(),
    }),
  ),
  action: z.string(),
  /** Rollup rules only: imsss:rollupRule@childActivitySet, minimumCount, minimumPercent. */
  child_activity_set: z.enum(['all', 'any', 'none', 'atLeastCount', 'atLeastPercent']).optional(),
  minimum_count: z.number().int().nonnegative().optional(),
  minimum_percent: z.number().min(0).max(1).optional(),
});
export type SequencingRule = z.infer<typeof sequencingRuleSchema>;

const requirementSchema = z.enum(['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended']);
export const rollupConsiderationsSchema = z.object({
  required_for_satisfied: requirementSchema.optional(),
  required_for_not_satisfied: requirementSchema.optional(),
  required_for_completed: requirementSchema.optional(),
  required_for_incomplete: requirementSchema.optional(),
  measure_satisfaction_if_active: z.boolean().optional(),
});
export type RollupConsiderations = z.infer<typeof rollupConsiderationsSchema>;

/** The read/write flags of an objective map, as the manifest states them (absent: the IMS/ADL default). */
export const OBJECTIVE_MAP_FLAGS = [
  'read_satisfied_status',
  'read_normalized_measure',
  'write_satisfied_status',
  'write_normalized_measure',
  'read_completion_status',
  'write_completion_status',
  'read_progress_measure',
  'write_progress_measure',
  'read_raw_score',
  'write_raw_score',
  'read_min_score',
  'write_min_score',
  'read_max_score',
  'write_max_score',
  'update_attempt_data',
] as const;
export type ObjectiveMapFlag = (typeof OBJECTIVE_MAP_FLAGS)[number];

export const objectiveMapSchema = z.object({
  target_objective_id: z.string().min(1),
  flags: z.partialRecord(z.enum(OBJECTIVE_MAP_FLAGS), z.boolean()),
});
export type ObjectiveMap = z.infer<typeof objectiveMapSchema>;

export const sequencingObjectiveSchema = z.object({
  objective_id: z.string().min(1),
  primary: z.boolean(),
  satisfied_by_measure: z.boolean().optional(),
  min_normalized_measure: z.number().min(-1).max(1).optional(),
  maps: z.array(objectiveMapSchema),
});
export type SequencingObjective = z.infer<typeof sequencingObjectiveSchema>;

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
  /** imsss:controlMode's other attributes (choice, flow, forwardOnly are above). */
  choice_exit: z.boolean().optional(),
  use_current_attempt_objective_info: z.boolean().optional(),
  use_current_attempt_progress_info: z.boolean().optional(),
  /** adlseq:constrainedChoiceConsiderations. */
  prevent_activation: z.boolean().optional(),
  constrain_choice: z.boolean().optional(),
  /** imsss:rollupRules attributes. */
  rollup_objective_satisfied: z.boolean().optional(),
  rollup_progress_completion: z.boolean().optional(),
  objective_measure_weight: z.number().min(0).max(1).optional(),
  /** adlseq:rollupConsiderations. */
  rollup_considerations: rollupConsiderationsSchema.optional(),
  /** imsss:deliveryControls. */
  tracked: z.boolean().optional(),
  completion_set_by_content: z.boolean().optional(),
  objective_set_by_content: z.boolean().optional(),
  /** Every objective (primary and others) with its objective maps (imsss:mapInfo and adlseq:mapInfo). */
  objectives: z.array(sequencingObjectiveSchema).optional(),
  /** imsss:randomizationControls. */
  selection_timing: z.enum(['never', 'once', 'onEachNewAttempt']).optional(),
  select_count: z.number().int().nonnegative().optional(),
  randomization_timing: z.enum(['never', 'once', 'onEachNewAttempt']).optional(),
  reorder_children: z.boolean().optional(),
});
export type ItemSequencing = z.infer<typeof itemSequencingSchema>;

/** An item's shared data maps at most (each one a store the SCO sees as adl.data.n). */
export const MAX_SHARED_DATA_MAPS = 64;
/** A shared data target id's length at most (it becomes part of a key of the session's cmi_data). */
export const MAX_SHARED_DATA_TARGET = 256;
export const sharedDataMapSchema = z.object({ target_id: z.string().min(1).max(MAX_SHARED_DATA_TARGET), read: z.boolean(), write: z.boolean() });
export type SharedDataMap = z.infer<typeof sharedDataMapSchema>;

/** The values of adlnav:hideLMSUI (SCORM 2004 CAM). */
export const HIDE_LMS_UI = ['previous', 'continue', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll'] as const;
export type HideLmsUi = (typeof HIDE_LMS_UI)[number];

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
  /**
   * 2004 4th edition adlcp:data/adlcp:map: the shared data stores (adl.data) the item may read or write,
   * by target id. Stores are shared by every item of the learner's session of the course.
   */
  readonly shared_data?: readonly SharedDataMap[] | undefined;
  /** 2004 adlnav:presentation/navigationInterface/hideLMSUI: the LMS controls the SCO asks to be hidden. */
  readonly hide_lms_ui?: readonly HideLmsUi[] | undefined;
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
    shared_data: z.array(sharedDataMapSchema).max(MAX_SHARED_DATA_MAPS).optional(),
    hide_lms_ui: z.array(z.enum(HIDE_LMS_UI)).max(HIDE_LMS_UI.length).optional(),
    children: z.array(courseItemSchema),
  }),
);

export const courseOrganizationSchema = z.object({
  identifier: z.string().min(1),
  title: z.string(),
  items: z.array(courseItemSchema),
  /** The organization's own imsss:sequencing: the root activity's control mode, rules and rollup. */
  sequencing: itemSequencingSchema.optional(),
});
export type CourseOrganization = z.infer<typeof courseOrganizationSchema>;

/** The importer's answer and the renderer's course record (plus who may see it). */
export const scormCourseSchema = z.object({
  id: z.string().regex(COURSE_ID_PATTERN),
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
