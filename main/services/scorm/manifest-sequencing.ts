import type { Element } from '@xmldom/xmldom';
import { OBJECTIVE_MAP_FLAGS } from '../../../shared/scorm/course-manifest';
import type { ItemSequencing, ObjectiveMap, ObjectiveMapFlag, RollupConsiderations, SequencingObjective, SequencingRule } from '../../../shared/scorm/course-manifest';
import { attr, boolAttr, child, children, numberAttr, text } from './manifest-xml';

const ADLSEQ = 'http://www.adlnet.org/xsd/adlseq_v1p3';
const CHILD_SETS = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'] as const;
const REQUIREMENTS = ['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended'] as const;
const TIMINGS = ['never', 'once', 'onEachNewAttempt'] as const;

/** Child elements by local name in ADL's sequencing extension namespace, or outside it (imsss:objectives and adlseq:objectives share a local name). */
function childrenNs(parent: Element, localName: string, namespace: typeof ADLSEQ | 'imsss'): Element[] {
  return children(parent, localName).filter((element) => (element.namespaceURI === ADLSEQ) === (namespace === ADLSEQ));
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((entry) => entry === value?.trim());
}

function camel(flag: ObjectiveMapFlag): string {
  return flag.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The flags a mapInfo element states (imsss or adlseq); absent attributes keep the IMS/ADL default. */
function mapFlags(element: Element): ObjectiveMap['flags'] {
  const flags: ObjectiveMap['flags'] = {};
  for (const flag of OBJECTIVE_MAP_FLAGS) {
    const value = boolAttr(element, camel(flag));
    if (value !== undefined) flags[flag] = value;
  }
  return flags;
}

/** imsss:primaryObjective and imsss:objective elements, with adlseq:objectives' extra map attributes merged in. */
function readObjectives(element: Element): SequencingObjective[] {
  const container = childrenNs(element, 'objectives', 'imsss')[0];
  if (!container) return [];
  const out: SequencingObjective[] = [];
  const add = (objective: Element, primary: boolean) => {
    const id = attr(objective, 'objectiveID')?.trim();
    if (!id) return;
    const measure = Number(text(child(objective, 'minNormalizedMeasure')));
    const byMeasure = boolAttr(objective, 'satisfiedByMeasure');
    const maps = children(objective, 'mapInfo').flatMap((map) => {
      const target = attr(map, 'targetObjectiveID')?.trim();
      return target ? [{ target_objective_id: target, flags: mapFlags(map) }] : [];
    });
    out.push({
      objective_id: id,
      primary,
      ...(byMeasure === undefined ? {} : { satisfied_by_measure: byMeasure }),
      ...(Number.isFinite(measure) && measure >= -1 && measure <= 1 ? { min_normalized_measure: measure } : {}),
      maps,
    });
  };
  for (const primary of children(container, 'primaryObjective')) add(primary, true);
  for (const objective of children(container, 'objective')) add(objective, false);
  // 4th edition: adlseq:objectives/adlseq:objective/adlseq:mapInfo adds raw, min, max, completion and progress maps.
  for (const extra of childrenNs(element, 'objectives', ADLSEQ).flatMap((c) => children(c, 'objective'))) {
    const target = out.find((objective) => objective.objective_id === attr(extra, 'objectiveID')?.trim());
    if (!target) continue;
    for (const map of children(extra, 'mapInfo')) {
      const id = attr(map, 'targetObjectiveID')?.trim();
      if (!id) continue;
      const existing = target.maps.find((m) => m.target_objective_id === id);
      if (existing) Object.assign(existing.flags, mapFlags(map));
      else target.maps.push({ target_objective_id: id, flags: mapFlags(map) });
    }
  }
  return out;
}

function rule(element: Element, conditionsName: string, conditionName: string, actionName: string): SequencingRule {
  const conditions = child(element, conditionsName);
  const combination = conditions && attr(conditions, 'conditionCombination') === 'any' ? 'any' : 'all';
  return {
    combination,
    conditions: (conditions ? children(conditions, conditionName) : []).map((condition) => {
      const threshold = numberAttr(condition, 'measureThreshold');
      const referenced = attr(condition, 'referencedObjective')?.trim();
      return {
        condition: attr(condition, 'condition') ?? '',
        operator: attr(condition, 'operator') === 'not' ? ('not' as const) : ('noOp' as const),
        ...(threshold === undefined ? {} : { measure_threshold: threshold }),
        ...(referenced ? { referenced_objective: referenced } : {}),
      };
    }),
    action: (() => {
      const action = child(element, actionName);
      return action ? (attr(action, 'action') ?? '') : '';
    })(),
  };
}

function rules(container: Element | undefined, ruleName: string): SequencingRule[] {
  return container ? children(container, ruleName).map((r) => rule(r, 'ruleConditions', 'ruleCondition', 'ruleAction')) : [];
}

type BooleanKey = { [K in keyof ItemSequencing]-?: NonNullable<ItemSequencing[K]> extends boolean ? K : never }[keyof ItemSequencing];

/** The boolean attributes an element states, by manifest name -> our field (absent: left out, the default applies). */
function booleans(element: Element | undefined, names: Readonly<Record<string, BooleanKey>>): Partial<Pick<ItemSequencing, BooleanKey>> {
  const found: Partial<Pick<ItemSequencing, BooleanKey>> = {};
  if (!element) return found;
  for (const [name, key] of Object.entries(names)) {
    const value = boolAttr(element, name);
    if (value !== undefined) found[key] = value;
  }
  return found;
}

function readConsiderations(element: Element): RollupConsiderations {
  const requirement = (name: string) => oneOf(attr(element, name), REQUIREMENTS);
  const satisfied = requirement('requiredForSatisfied');
  const notSatisfied = requirement('requiredForNotSatisfied');
  const completed = requirement('requiredForCompleted');
  const incomplete = requirement('requiredForIncomplete');
  const ifActive = boolAttr(element, 'measureSatisfactionIfActive');
  return {
    ...(satisfied ? { required_for_satisfied: satisfied } : {}),
    ...(notSatisfied ? { required_for_not_satisfied: notSatisfied } : {}),
    ...(completed ? { required_for_completed: completed } : {}),
    ...(incomplete ? { required_for_incomplete: incomplete } : {}),
    ...(ifActive === undefined ? {} : { measure_satisfaction_if_active: ifActive }),
  };
}

/** Reads one imsss:sequencing element (an item's own or a collection's). */
export function readSequencing(element: Element): ItemSequencing {
  const control = child(element, 'controlMode');
  const ruleSet = child(element, 'sequencingRules');
  const rollup = child(element, 'rollupRules');
  const primary = child(childrenNs(element, 'objectives', 'imsss')[0] ?? element, 'primaryObjective');
  const measure = primary ? Number(text(child(primary, 'minNormalizedMeasure'))) : Number.NaN;
  const limit = child(element, 'limitConditions');
  const attemptLimit = limit ? numberAttr(limit, 'attemptLimit') : undefined;
  const out: ItemSequencing = {
    pre_condition_rules: rules(ruleSet, 'preConditionRule'),
    exit_condition_rules: rules(ruleSet, 'exitConditionRule'),
    post_condition_rules: rules(ruleSet, 'postConditionRule'),
    rollup_rules: rollup
      ? children(rollup, 'rollupRule').map((r) => {
          const childSet = oneOf(attr(r, 'childActivitySet'), CHILD_SETS);
          const count = numberAttr(r, 'minimumCount');
          const percent = numberAttr(r, 'minimumPercent');
          return {
            ...rule(r, 'rollupConditions', 'rollupCondition', 'rollupAction'),
            ...(childSet ? { child_activity_set: childSet } : {}),
            ...(count !== undefined && Number.isInteger(count) && count >= 0 ? { minimum_count: count } : {}),
            ...(percent !== undefined && percent >= 0 && percent <= 1 ? { minimum_percent: percent } : {}),
          };
        })
      : [],
  };
  const choice = control ? boolAttr(control, 'choice') : undefined;
  const flow = control ? boolAttr(control, 'flow') : undefined;
  const forwardOnly = control ? boolAttr(control, 'forwardOnly') : undefined;
  const byMeasure = primary ? boolAttr(primary, 'satisfiedByMeasure') : undefined;
  const considerations = childrenNs(element, 'rollupConsiderations', ADLSEQ)[0];
  const objectives = readObjectives(element);
  const weight = rollup ? numberAttr(rollup, 'objectiveMeasureWeight') : undefined;
  const random = child(element, 'randomizationControls');
  const selectCount = random ? numberAttr(random, 'selectCount') : undefined;
  const selectionTiming = random ? oneOf(attr(random, 'selectionTiming'), TIMINGS) : undefined;
  const randomizationTiming = random ? oneOf(attr(random, 'randomizationTiming'), TIMINGS) : undefined;
  return {
    ...out,
    ...booleans(control, { choiceExit: 'choice_exit', useCurrentAttemptObjectiveInfo: 'use_current_attempt_objective_info', useCurrentAttemptProgressInfo: 'use_current_attempt_progress_info' }),
    ...booleans(childrenNs(element, 'constrainedChoiceConsiderations', ADLSEQ)[0], { preventActivation: 'prevent_activation', constrainChoice: 'constrain_choice' }),
    ...booleans(rollup, { rollupObjectiveSatisfied: 'rollup_objective_satisfied', rollupProgressCompletion: 'rollup_progress_completion' }),
    ...booleans(child(element, 'deliveryControls'), { tracked: 'tracked', completionSetByContent: 'completion_set_by_content', objectiveSetByContent: 'objective_set_by_content' }),
    ...booleans(random, { reorderChildren: 'reorder_children' }),
    ...(weight !== undefined && weight >= 0 && weight <= 1 ? { objective_measure_weight: weight } : {}),
    ...(considerations ? { rollup_considerations: readConsiderations(considerations) } : {}),
    ...(objectives.length > 0 ? { objectives } : {}),
    ...(selectionTiming ? { selection_timing: selectionTiming } : {}),
    ...(randomizationTiming ? { randomization_timing: randomizationTiming } : {}),
    ...(selectCount !== undefined && Number.isInteger(selectCount) && selectCount >= 0 ? { select_count: selectCount } : {}),
    ...(choice === undefined ? {} : { choice }),
    ...(flow === undefined ? {} : { flow }),
    ...(forwardOnly === undefined ? {} : { forward_only: forwardOnly }),
    ...(byMeasure === undefined ? {} : { satisfied_by_measure: byMeasure }),
    ...(Number.isFinite(measure) && measure >= -1 && measure <= 1 ? { min_normalized_measure: measure } : {}),
    ...(attemptLimit !== undefined && Number.isInteger(attemptLimit) && attemptLimit >= 0 ? { attempt_limit: attemptLimit } : {}),
  };
}

/** An item's own sequencing wins over the collection it names with IDRef, element by element. */
export function mergeSequencing(base: ItemSequencing | undefined, own: ItemSequencing | undefined): ItemSequencing | undefined {
  if (!base) return own;
  if (!own) return base;
  const pick = <K extends keyof ItemSequencing>(key: K) => (own[key] === undefined || (Array.isArray(own[key]) && (own[key] as unknown[]).length === 0) ? base[key] : own[key]);
  return Object.fromEntries((Object.keys({ ...base, ...own }) as (keyof ItemSequencing)[]).map((key) => [key, pick(key)])) as ItemSequencing;
}

/** imsss:sequencingCollection at the manifest's root, by ID. */
export function readCollections(root: Element): Map<string, ItemSequencing> {
  const out = new Map<string, ItemSequencing>();
  const collection = child(root, 'sequencingCollection');
  if (!collection) return out;
  for (const sequencing of children(collection, 'sequencing')) {
    const id = attr(sequencing, 'ID');
    if (id) out.set(id, readSequencing(sequencing));
  }
  return out;
}
