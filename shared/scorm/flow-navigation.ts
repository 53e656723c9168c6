import type { CourseItem } from './course-manifest';

export interface ItemState {
  readonly attempted: boolean;
  readonly completed: boolean;
  readonly satisfied: boolean;
}

/** The requests that end the whole sequencing session. */
export const SESSION_ENDING = ['exitAll', 'suspendAll', 'abandonAll'] as const;

/**
 * A navigation request: the learner's (Previous, Next, a table-of-contents entry) or the SCO's
 * adl.nav.request at Terminate. "terminated" is a SCO that ended without a request; "none" is nothing to do.
 */
export type NavRequest =
  | { readonly kind: 'continue' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'choice'; readonly target: string; readonly jump: boolean }
  | { readonly kind: 'exit' | 'abandon' | (typeof SESSION_ENDING)[number] }
  | { readonly kind: 'terminated' }
  | { readonly kind: 'none' };

/** adl.nav.request as a SCO sets it before Terminate: "continue", "previous", "{target=ID}choice", "{target=ID}jump", "exitAll"... */
export function parseNavRequest(value: string | undefined): NavRequest {
  if (!value || value === '_none_') return { kind: 'terminated' };
  if (value === 'continue' || value === 'previous' || value === 'exit' || value === 'abandon') return { kind: value };
  if ((SESSION_ENDING as readonly string[]).includes(value)) return { kind: value as (typeof SESSION_ENDING)[number] };
  const choice = /^\{target=([^}]+)\}(choice|jump)$/.exec(value);
  if (choice?.[1]) return { kind: 'choice', target: choice[1], jump: choice[2] === 'jump' };
  return { kind: 'terminated' };
}

/**
 * SCORM 1.2 navigation (1.2 has no sequencing; 2004 courses are sequenced by scorm-again's engine, see
 * renderer/src/scorm/sequencing-engine.ts): the next (or previous) launchable item in tree order from
 * `currentId`, or null past either end.
 */
export function flowTarget(items: readonly CourseItem[], currentId: string | null, direction: 1 | -1): CourseItem | null {
  const index = currentId === null ? (direction === 1 ? -1 : items.length) : items.findIndex((item) => item.identifier === currentId);
  return items[index + direction] ?? null;
}
