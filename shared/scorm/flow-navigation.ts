import type { CourseItem, SequencingRule } from './course-manifest';

export interface ItemState {
  readonly attempted: boolean;
  readonly completed: boolean;
  readonly satisfied: boolean;
}

export type NavRequest = { kind: 'continue' } | { kind: 'previous' } | { kind: 'choice'; target: string } | { kind: 'exit' } | { kind: 'none' };

/** adl.nav.request as a SCO sets it before Terminate: "continue", "previous", "{target=ID}choice", "exitAll"... */
export function parseNavRequest(value: string | undefined): NavRequest {
  if (!value || value === '_none_') return { kind: 'none' };
  if (value === 'continue') return { kind: 'continue' };
  if (value === 'previous') return { kind: 'previous' };
  const choice = /^\{target=([^}]+)\}(choice|jump)$/.exec(value);
  if (choice?.[1]) return { kind: 'choice', target: choice[1] };
  if (['exit', 'exitAll', 'suspendAll', 'abandon', 'abandonAll'].includes(value)) return { kind: 'exit' };
  return { kind: 'none' };
}

function holds(rule: SequencingRule, state: ItemState): boolean {
  const results = rule.conditions.map((c) => {
    const value = c.condition === 'satisfied' || c.condition === 'objectiveStatusKnown' ? state.satisfied : c.condition === 'completed' || c.condition === 'activityProgressKnown' ? state.completed : c.condition === 'attempted' ? state.attempted : c.condition === 'always';
    return c.operator === 'not' ? !value : value;
  });
  if (results.length === 0) return false;
  return rule.combination === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/**
 * Whether flow navigation passes over an item: its precondition rules with a skip (or disabled) action whose
 * conditions hold, judged on the item's own status (the supported subset: satisfied, completed, attempted,
 * always, with "not"). Other rule actions and conditions are not evaluated (docs/scorm-support.md).
 */
export function skipped(item: CourseItem, state: ItemState): boolean {
  return (item.sequencing?.pre_condition_rules ?? []).some((rule) => (rule.action === 'skip' || rule.action === 'disabled') && holds(rule, state));
}

/** The next (or previous) item flow reaches from `currentId`, or null at the end. */
export function flowTarget(items: readonly CourseItem[], currentId: string | null, direction: 1 | -1, stateOf: (id: string) => ItemState): CourseItem | null {
  let index = currentId === null ? (direction === 1 ? -1 : items.length) : items.findIndex((item) => item.identifier === currentId);
  for (let steps = 0; steps < items.length; steps += 1) {
    index += direction;
    const item = items[index];
    if (!item) return null;
    if (!skipped(item, stateOf(item.identifier))) return item;
  }
  return null;
}
