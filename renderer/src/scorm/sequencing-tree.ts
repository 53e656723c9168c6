import type { Scorm2004API } from 'scorm-again';
import { playedOrganization } from '../../../shared/scorm/course-tree';
import type { CourseItem, ItemSequencing, ObjectiveMapFlag, ScormCourse, SequencingObjective, SequencingRule } from '../../../shared/scorm/course-manifest';

/*
 * scorm-again's sequencing settings, derived from its public API's constructor (the package exports the
 * types of its API classes, not of the sequencing settings they take).
 */
type ApiSettings = NonNullable<ConstructorParameters<typeof Scorm2004API>[0]>;
export type SequencingSettings = NonNullable<ApiSettings['sequencing']>;
export type ActivitySettings = NonNullable<SequencingSettings['activityTree']>;
type RulesSettings = NonNullable<ActivitySettings['sequencingRules']>;
type RuleSettings = NonNullable<RulesSettings['preConditionRules']>[number];
type RuleConditionSettings = RuleSettings['conditions'][number];
type RollupRuleSettings = NonNullable<ActivitySettings['rollupRules']>['rules'][number];
type RollupConditionSettings = RollupRuleSettings['conditions'][number];
type ObjectiveSettings = NonNullable<ActivitySettings['primaryObjective']>;
type MapInfoSettings = NonNullable<ObjectiveSettings['mapInfo']>[number];
type ControlsSettings = NonNullable<ActivitySettings['sequencingControls']>;

/** The names the SN book gives each rule's actions and conditions; anything else in a manifest is left out. */
const PRE_ACTIONS = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'];
const EXIT_ACTIONS = ['exit'];
const POST_ACTIONS = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'];
const RULE_CONDITIONS = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
  'always',
];
const ROLLUP_ACTIONS = ['satisfied', 'notSatisfied', 'completed', 'incomplete'];
/** Rollup conditions; scorm-again calls activityProgressKnown "progressKnown". */
const ROLLUP_CONDITIONS: Readonly<Record<string, string>> = {
  satisfied: 'satisfied',
  objectiveStatusKnown: 'objectiveStatusKnown',
  objectiveMeasureKnown: 'objectiveMeasureKnown',
  objectiveMeasureGreaterThan: 'objectiveMeasureGreaterThan',
  objectiveMeasureLessThan: 'objectiveMeasureLessThan',
  completed: 'completed',
  activityProgressKnown: 'progressKnown',
  progressKnown: 'progressKnown',
  attempted: 'attempted',
  attemptLimitExceeded: 'attemptLimitExceeded',
  never: 'never',
};

type MapFlagSetting = Exclude<keyof MapInfoSettings, 'targetObjectiveID'>;
const MAP_FLAG_SETTINGS: Readonly<Record<ObjectiveMapFlag, MapFlagSetting>> = {
  read_satisfied_status: 'readSatisfiedStatus',
  read_normalized_measure: 'readNormalizedMeasure',
  write_satisfied_status: 'writeSatisfiedStatus',
  write_normalized_measure: 'writeNormalizedMeasure',
  read_completion_status: 'readCompletionStatus',
  write_completion_status: 'writeCompletionStatus',
  read_progress_measure: 'readProgressMeasure',
  write_progress_measure: 'writeProgressMeasure',
  read_raw_score: 'readRawScore',
  write_raw_score: 'writeRawScore',
  read_min_score: 'readMinScore',
  write_min_score: 'writeMinScore',
  read_max_score: 'readMaxScore',
  write_max_score: 'writeMaxScore',
  update_attempt_data: 'updateAttemptData',
};

/** What the tree builder left out because the engine cannot evaluate it (shown in tests and docs). */
export interface TreeNotes {
  readonly droppedRules: number;
}

function ruleCondition(condition: SequencingRule['conditions'][number]): RuleConditionSettings | null {
  if (!RULE_CONDITIONS.includes(condition.condition)) return null;
  return {
    condition: condition.condition as RuleConditionSettings['condition'],
    ...(condition.operator === 'not' ? { operator: 'not' as NonNullable<RuleConditionSettings['operator']> } : {}),
    ...(condition.referenced_objective ? { referencedObjective: condition.referenced_objective } : {}),
    ...(condition.measure_threshold === undefined ? {} : { parameters: { threshold: condition.measure_threshold } }),
  };
}

function rules(list: readonly SequencingRule[], actions: readonly string[], notes: { droppedRules: number }): RuleSettings[] {
  const out: RuleSettings[] = [];
  for (const rule of list) {
    const conditions = rule.conditions.map(ruleCondition);
    if (!actions.includes(rule.action) || conditions.length === 0 || conditions.some((c) => c === null)) {
      notes.droppedRules += 1;
      continue;
    }
    out.push({ action: rule.action as RuleSettings['action'], conditionCombination: rule.combination, conditions: conditions.filter((c) => c !== null) });
  }
  return out;
}

function rollupRules(list: readonly SequencingRule[], notes: { droppedRules: number }): RollupRuleSettings[] {
  const out: RollupRuleSettings[] = [];
  for (const rule of list) {
    const conditions = rule.conditions.map((c): RollupConditionSettings | null => {
      const name = ROLLUP_CONDITIONS[c.condition];
      if (!name) return null;
      return {
        condition: name as RollupConditionSettings['condition'],
        operator: (c.operator === 'not' ? 'not' : 'noOp') as NonNullable<RollupConditionSettings['operator']>,
        ...(c.measure_threshold === undefined ? {} : { parameters: { threshold: c.measure_threshold } }),
      };
    });
    if (!ROLLUP_ACTIONS.includes(rule.action) || conditions.length === 0 || conditions.some((c) => c === null)) {
      notes.droppedRules += 1;
      continue;
    }
    out.push({
      action: rule.action as RollupRuleSettings['action'],
      consideration: (rule.child_activity_set ?? 'all') as NonNullable<RollupRuleSettings['consideration']>,
      conditionCombination: (rule.combination === 'all' ? 'all' : 'any') as NonNullable<RollupRuleSettings['conditionCombination']>,
      ...(rule.minimum_count === undefined ? {} : { minimumCount: rule.minimum_count }),
      ...(rule.minimum_percent === undefined ? {} : { minimumPercent: rule.minimum_percent }),
      conditions: conditions.filter((c) => c !== null),
    });
  }
  return out;
}

function objective(o: SequencingObjective): ObjectiveSettings {
  return {
    objectiveID: o.objective_id,
    isPrimary: o.primary,
    ...(o.satisfied_by_measure === undefined ? {} : { satisfiedByMeasure: o.satisfied_by_measure }),
    ...(o.min_normalized_measure === undefined ? {} : { minNormalizedMeasure: o.min_normalized_measure }),
    mapInfo: o.maps.map((map) => {
      const info: MapInfoSettings = { targetObjectiveID: map.target_objective_id };
      for (const [flag, value] of Object.entries(map.flags) as Array<[ObjectiveMapFlag, boolean]>) info[MAP_FLAG_SETTINGS[flag]] = value;
      return info;
    }),
  };
}

function objectives(seq: ItemSequencing, id: string): Pick<ActivitySettings, 'primaryObjective' | 'objectives'> {
  const authored = seq.objectives ?? [];
  const primary = authored.find((o) => o.primary);
  const others = authored.filter((o) => !o.primary).map(objective);
  if (primary) return { primaryObjective: objective(primary), ...(others.length ? { objectives: others } : {}) };
  // Courses imported before objectives were kept: the primary objective's measure settings alone.
  if (seq.satisfied_by_measure !== undefined || seq.min_normalized_measure !== undefined) {
    return {
      primaryObjective: {
        objectiveID: `${id}.primary`,
        isPrimary: true,
        ...(seq.satisfied_by_measure === undefined ? {} : { satisfiedByMeasure: seq.satisfied_by_measure }),
        ...(seq.min_normalized_measure === undefined ? {} : { minNormalizedMeasure: seq.min_normalized_measure }),
      },
      ...(others.length ? { objectives: others } : {}),
    };
  }
  return others.length ? { objectives: others } : {};
}

/**
 * Control modes as stated, with the SN book's defaults where they are not: scorm-again's own default for
 * flow is "true", the IMS one "false", so a cluster states it either way (`clusterFlow`).
 */
function controls(seq: ItemSequencing | undefined, clusterFlow: boolean | undefined): ControlsSettings {
  const out: ControlsSettings = clusterFlow === undefined ? {} : { flow: clusterFlow };
  if (!seq) return out;
  const set = <K extends keyof ControlsSettings>(key: K, value: ControlsSettings[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('choice', seq.choice);
  set('choiceExit', seq.choice_exit);
  set('flow', seq.flow);
  set('forwardOnly', seq.forward_only);
  set('useCurrentAttemptObjectiveInfo', seq.use_current_attempt_objective_info);
  set('useCurrentAttemptProgressInfo', seq.use_current_attempt_progress_info);
  set('preventActivation', seq.prevent_activation);
  set('constrainChoice', seq.constrain_choice);
  set('rollupObjectiveSatisfied', seq.rollup_objective_satisfied);
  set('rollupProgressCompletion', seq.rollup_progress_completion);
  set('objectiveMeasureWeight', seq.objective_measure_weight);
  set('tracked', seq.tracked);
  set('completionSetByContent', seq.completion_set_by_content);
  set('objectiveSetByContent', seq.objective_set_by_content);
  set('selectionTiming', seq.selection_timing as ControlsSettings['selectionTiming']);
  set('selectCount', seq.select_count);
  set('randomizationTiming', seq.randomization_timing as ControlsSettings['randomizationTiming']);
  set('randomizeChildren', seq.reorder_children);
  return out;
}

function activitySequencing(seq: ItemSequencing | undefined, id: string, clusterFlow: boolean | undefined, notes: { droppedRules: number }): Omit<ActivitySettings, 'id' | 'title'> {
  const sequencingControls = controls(seq, clusterFlow);
  const out: Omit<ActivitySettings, 'id' | 'title'> = Object.keys(sequencingControls).length ? { sequencingControls } : {};
  if (!seq) return out;
  const pre = rules(seq.pre_condition_rules, PRE_ACTIONS, notes);
  const exit = rules(seq.exit_condition_rules, EXIT_ACTIONS, notes);
  const post = rules(seq.post_condition_rules, POST_ACTIONS, notes);
  const rollup = rollupRules(seq.rollup_rules, notes);
  const considerations = seq.rollup_considerations;
  return {
    ...out,
    ...(pre.length || exit.length || post.length ? { sequencingRules: { preConditionRules: pre, exitConditionRules: exit, postConditionRules: post } } : {}),
    ...(rollup.length ? { rollupRules: { rules: rollup } } : {}),
    ...(considerations
      ? {
          rollupConsiderations: {
            ...(considerations.required_for_satisfied ? { requiredForSatisfied: considerations.required_for_satisfied } : {}),
            ...(considerations.required_for_not_satisfied ? { requiredForNotSatisfied: considerations.required_for_not_satisfied } : {}),
            ...(considerations.required_for_completed ? { requiredForCompleted: considerations.required_for_completed } : {}),
            ...(considerations.required_for_incomplete ? { requiredForIncomplete: considerations.required_for_incomplete } : {}),
            ...(considerations.measure_satisfaction_if_active === undefined ? {} : { measureSatisfactionIfActive: considerations.measure_satisfaction_if_active }),
          },
        }
      : {}),
    ...(seq.attempt_limit === undefined ? {} : { attemptLimit: seq.attempt_limit }),
    ...objectives(seq, id),
  };
}

function authoredSequencing(items: readonly CourseItem[]): boolean {
  return items.some((item) => item.sequencing !== undefined || authoredSequencing(item.children));
}

export interface BuiltTree {
  readonly root: ActivitySettings;
  readonly notes: TreeNotes;
}

/**
 * The played organization as scorm-again's activity tree: the organization is the root activity, every
 * item an activity with its own sequencing. A 2004 manifest without any sequencing keeps Outpost's simple
 * navigation (flow on every cluster, choice everywhere) instead of the SN book's default flow="false",
 * under which Previous/Next would do nothing (docs/decisions.md); one with sequencing gets the SN book's
 * defaults, except that an organization without a sequencing element of its own flows at the root. Items with neither a launch nor children
 * are not available to sequencing: nothing could be shown for them.
 */
export function buildActivityTree(course: Pick<ScormCourse, 'organizations' | 'default_organization'>): BuiltTree {
  const org = playedOrganization(course);
  const simple = org.sequencing === undefined && !authoredSequencing(org.items);
  const notes = { droppedRules: 0 };
  const ids = new Set<string>();
  const activity = (item: CourseItem): ActivitySettings => {
    ids.add(item.identifier);
    const cluster = item.children.length > 0;
    return {
      id: item.identifier,
      title: item.title,
      isVisible: item.visible,
      ...(cluster || item.launch !== null ? {} : { isAvailable: false }),
      ...activitySequencing(item.sequencing, item.identifier, cluster ? simple : undefined, notes),
      ...(cluster ? { children: item.children.map(activity) } : {}),
    };
  };
  const children = org.items.map(activity);
  const rootId = ids.has(org.identifier) ? `${org.identifier}.organization` : org.identifier;
  // An organization without its own sequencing element (and every course imported before organizations'
  // sequencing was kept) flows at the root, so the course starts and Next works; its clusters keep the SN defaults.
  const rootFlow = children.length > 0 ? simple || org.sequencing === undefined : undefined;
  return { root: { id: rootId, title: org.title, ...activitySequencing(org.sequencing, rootId, rootFlow, notes), children }, notes };
}
