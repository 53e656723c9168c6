import type { z } from 'zod';
import { rosterImportSchema } from '../../../shared/schemas/learner';
import type { RosterImport } from '../../../shared/schemas/learner';

/** Far above 5000 learners' worth of JSON; anything bigger is the wrong file. */
export const MAX_ROSTER_BYTES = 5_000_000;

export type RosterProblemKind =
  | 'tooLarge'
  | 'notJson'
  | 'notRoster'
  | 'missing'
  | 'wrongType'
  | 'invalidId'
  | 'blankName'
  | 'nameTooLong'
  | 'invalidRole'
  | 'noLearners'
  | 'tooManyLearners'
  | 'duplicateId'
  | 'invalid';

/** Where a problem is, in the instructor's terms: which learner (1-based) and which key of the file. */
export interface RosterProblem {
  readonly kind: RosterProblemKind;
  readonly learner: number | null;
  readonly field: string | null;
  /** The bound that was exceeded, for "at most N" messages. */
  readonly limit?: number;
}

export type RosterFileCheck = { ok: true; roster: RosterImport } | { ok: false; problems: RosterProblem[] };

const whole = (kind: RosterProblemKind): RosterFileCheck => ({ ok: false, problems: [{ kind, learner: null, field: null }] });

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function kindOf(issue: z.core.$ZodIssue, raw: unknown): RosterProblemKind {
  const field = issue.path.at(-1);
  if (issue.code === 'invalid_type') return valueAt(raw, issue.path) === undefined ? 'missing' : 'wrongType';
  if (issue.code === 'invalid_format') return field === 'display_name' ? 'blankName' : 'invalidId';
  if (issue.code === 'invalid_value') return 'invalidRole';
  if (issue.code === 'too_small') return field === 'learners' ? 'noLearners' : 'blankName';
  if (issue.code === 'too_big') return field === 'learners' ? 'tooManyLearners' : 'nameTooLong';
  return 'invalid';
}

function problemOf(issue: z.core.$ZodIssue, raw: unknown): RosterProblem {
  const [first, index, key] = issue.path;
  const learner = first === 'learners' && typeof index === 'number' ? index + 1 : null;
  const field = learner === null ? (typeof first === 'string' ? first : null) : typeof key === 'string' ? key : null;
  const limit = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
  return { kind: kindOf(issue, raw), learner, field, ...(limit !== undefined ? { limit } : {}) };
}

/** Checks a class list completely before anything is written, so a bad file imports nobody. */
export function checkRosterText(text: string): RosterFileCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return whole('notJson');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return whole('notRoster');
  const parsed = rosterImportSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => problemOf(issue, raw)) };
  const seen = new Set<string>();
  const duplicates: RosterProblem[] = [];
  parsed.data.learners.forEach((learner, index) => {
    if (seen.has(learner.id)) duplicates.push({ kind: 'duplicateId', learner: index + 1, field: 'id' });
    seen.add(learner.id);
  });
  return duplicates.length > 0 ? { ok: false, problems: duplicates } : { ok: true, roster: parsed.data };
}

export async function readRosterFile(file: Blob): Promise<RosterFileCheck> {
  if (file.size > MAX_ROSTER_BYTES) return whole('tooLarge');
  return checkRosterText(await file.text());
}
