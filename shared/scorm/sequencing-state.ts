import type { ScormCompletionStatus, ScormSuccessStatus } from '../schemas/scorm-session';

/**
 * What SCORM 2004 sequencing needs across sittings (per-activity attempt counts and statuses, objectives,
 * the global objective map, the current and suspended activity) lives in the session's cmi_data under this
 * key, so it is saved, queued and synced with the session like every commit.
 */
export const SEQUENCING_STATE_KEY = 'outpost.sequencing';

/** A course's sequencing state is at most 1 MiB of text; a larger one (or one that does not parse) is ignored and the course starts over. */
export const MAX_SEQUENCING_STATE_CHARS = 1024 * 1024;

/** What the sequencing engine says about the course after a commit or a navigation, for the session row. */
export interface SequencingOutcome {
  /** The engine's state, compacted (encodeSequencingState). */
  readonly state: string;
  /** The root activity's rolled-up status; absent when the engine does not know it yet. */
  readonly completion_status?: Extract<ScormCompletionStatus, 'completed' | 'incomplete'>;
  readonly success_status: ScormSuccessStatus;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Per-activity fields equal to what a fresh activity has (or what the engine restores when the field is
 * missing) are left out of the stored state: a course of a hundred items keeps a few hundred bytes per
 * item it touched instead of 1.5 KB for every item.
 */
const ACTIVITY_DEFAULTS: Readonly<Record<string, Json>> = {
  isActive: false,
  isSuspended: false,
  isCompleted: false,
  completionStatus: 'unknown',
  successStatus: 'unknown',
  attemptCount: 0,
  objectiveInfoAvailableInCurrentParentAttempt: true,
  progressInfoAvailableInCurrentParentAttempt: true,
  attemptCompletionAmount: 0,
  attemptCompletionAmountStatus: false,
  attemptAbsoluteDuration: 'PT0H0M0S',
  attemptExperiencedDuration: 'PT0H0M0S',
  activityAbsoluteDuration: 'PT0H0M0S',
  activityExperiencedDuration: 'PT0H0M0S',
  objectiveSatisfiedStatus: false,
  objectiveMeasureStatus: false,
  objectiveNormalizedMeasure: 0,
  progressMeasure: 0,
  progressMeasureStatus: false,
  isAvailable: true,
  isHiddenFromChoice: false,
  location: '',
  attemptAbsoluteStartTime: '',
};
const UNTOUCHED_FLAGS = new Set(['objectiveInfoAvailableInCurrentParentAttempt', 'progressInfoAvailableInCurrentParentAttempt']);
/** Not restored by the engine at all. */
const DROPPED = new Set(['id', 'title', 'timestamp', 'navigationState']);

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

function compactObjectives(value: Json | undefined): Json | undefined {
  if (!isObject(value)) return value;
  const empty = value.primary === null && Array.isArray(value.objectives) && value.objectives.length === 0;
  return empty ? undefined : value;
}

function compactSelection(value: Json | undefined): Json | undefined {
  if (!isObject(value)) return value;
  const order = value.childOrder;
  const selected = value.selectedChildIds;
  const hidden = value.hiddenFromChoiceChildIds;
  // Nothing selected away, hidden or reordered: the engine rebuilds exactly this from the tree.
  const plain = value.selectionCountStatus === false && value.reorderChildren === false && Array.isArray(hidden) && hidden.length === 0 && same(order, selected);
  return plain ? undefined : value;
}

function compactActivity(state: Record<string, Json>): Record<string, Json> | null {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(state)) {
    if (DROPPED.has(key)) continue;
    if (key in ACTIVITY_DEFAULTS && same(value, ACTIVITY_DEFAULTS[key])) continue;
    if (key === 'auxiliaryResources' && Array.isArray(value) && value.length === 0) continue;
    const kept = key === 'objectives' ? compactObjectives(value) : key === 'selectionRandomizationState' ? compactSelection(value) : value;
    if (kept !== undefined) out[key] = kept;
  }
  // "Objective satisfied status known" is left out where it follows from the success status; decoding puts it back.
  if (out.objectiveSatisfiedStatusKnown === ((out.successStatus ?? 'unknown') !== 'unknown')) delete out.objectiveSatisfiedStatusKnown;
  // An activity never attempted in this tree's attempt differs from a fresh one only by these two flags (its
  // status is unknown either way, and the flags only qualify a known status): nothing needs storing.
  return Object.keys(out).every((key) => UNTOUCHED_FLAGS.has(key) && out[key] === false) ? null : out;
}

/** The engine's state (scorm-again's SequencingState) as the compact text kept in cmi_data. */
export function encodeSequencingState(state: unknown): string {
  if (!isObject(state)) return JSON.stringify({ f: 1, s: null });
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(state)) {
    if (DROPPED.has(key)) continue;
    if (key === 'activityStates' && isObject(value)) {
      const activities: Record<string, Json> = {};
      for (const [id, activity] of Object.entries(value)) {
        const compact = isObject(activity) ? compactActivity(activity) : null;
        if (compact) activities[id] = compact;
      }
      out[key] = activities;
    } else if (key === 'globalObjectiveMap' && isObject(value) && Object.keys(value).length === 0) {
      continue;
    } else {
      out[key] = value;
    }
  }
  return JSON.stringify({ f: 1, s: out });
}

/**
 * The stored text back as a state the engine restores, or null when there is none or it cannot be used
 * (too large, not JSON, another format): the course then starts from the beginning rather than failing.
 */
export function decodeSequencingState(text: string | undefined): Record<string, unknown> | null {
  if (!text || text.length > MAX_SEQUENCING_STATE_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed.f !== 1 || !isObject(parsed.s) || parsed.s.version !== '1.0') return null;
  const activities: Record<string, Json> = {};
  for (const [id, activity] of Object.entries(isObject(parsed.s.activityStates) ? parsed.s.activityStates : {})) {
    if (!isObject(activity)) continue;
    const known = activity.objectiveSatisfiedStatusKnown ?? (activity.successStatus ?? 'unknown') !== 'unknown';
    activities[id] = { ...activity, objectiveSatisfiedStatusKnown: known };
  }
  return { ...parsed.s, activityStates: activities };
}
