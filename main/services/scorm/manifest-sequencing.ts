import type { Element } from '@xmldom/xmldom';
import type { ItemSequencing, SequencingRule } from '../../../shared/scorm/course-manifest';
import { attr, boolAttr, child, children, numberAttr, text } from './manifest-xml';

function rule(element: Element, conditionsName: string, conditionName: string, actionName: string): SequencingRule {
  const conditions = child(element, conditionsName);
  const combination = conditions && attr(conditions, 'conditionCombination') === 'any' ? 'any' : 'all';
  return {
    combination,
    conditions: (conditions ? children(conditions, conditionName) : []).map((condition) => {
      const threshold = numberAttr(condition, 'measureThreshold');
      return {
        condition: attr(condition, 'condition') ?? '',
        operator: attr(condition, 'operator') === 'not' ? ('not' as const) : ('noOp' as const),
        ...(threshold === undefined ? {} : { measure_threshold: threshold }),
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

/** Reads one imsss:sequencing element (an item's own or a collection's). */
export function readSequencing(element: Element): ItemSequencing {
  const control = child(element, 'controlMode');
  const ruleSet = child(element, 'sequencingRules');
  const rollup = child(element, 'rollupRules');
  const primary = child(child(element, 'objectives') ?? element, 'primaryObjective');
  const measure = primary ? Number(text(child(primary, 'minNormalizedMeasure'))) : Number.NaN;
  const limit = child(element, 'limitConditions');
  const attemptLimit = limit ? numberAttr(limit, 'attemptLimit') : undefined;
  const out: ItemSequencing = {
    pre_condition_rules: rules(ruleSet, 'preConditionRule'),
    exit_condition_rules: rules(ruleSet, 'exitConditionRule'),
    post_condition_rules: rules(ruleSet, 'postConditionRule'),
    rollup_rules: rollup ? children(rollup, 'rollupRule').map((r) => rule(r, 'rollupConditions', 'rollupCondition', 'rollupAction')) : [],
  };
  const choice = control ? boolAttr(control, 'choice') : undefined;
  const flow = control ? boolAttr(control, 'flow') : undefined;
  const forwardOnly = control ? boolAttr(control, 'forwardOnly') : undefined;
  const byMeasure = primary ? boolAttr(primary, 'satisfiedByMeasure') : undefined;
  return {
    ...out,
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
