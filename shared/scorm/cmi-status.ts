import type { ScormCompletionStatus, ScormScore, ScormSuccessStatus } from '../schemas/scorm-session';

export interface ItemOutcome {
  readonly completion: ScormCompletionStatus;
  readonly success: ScormSuccessStatus;
  readonly score: ScormScore | null;
}

const num = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

function score(raw: number | undefined, min: number | undefined, max: number | undefined, scaled: number | undefined): ScormScore | null {
  if (raw === undefined && scaled === undefined) return null;
  let s = scaled;
  if (s === undefined && raw !== undefined) {
    const low = min ?? 0;
    const high = max ?? 100;
    s = high > low ? (raw - low) / (high - low) : undefined;
  }
  return {
    ...(s === undefined ? {} : { scaled: Math.max(-1, Math.min(1, s)) }),
    ...(raw === undefined ? {} : { raw }),
    ...(max === undefined ? {} : { max }),
    ...(min === undefined ? {} : { min }),
  };
}

/**
 * SCORM 1.2 has one lesson_status for completion and success. Outpost's mapping (docs/scorm-support.md):
 * passed = completed + passed; completed = completed + unknown; failed = completed + failed (the learner
 * went through to the end and did not pass: the attempt is over, so it counts as completed); incomplete and
 * browsed = incomplete; not attempted stays so.
 */
export function outcome12(cmi: Readonly<Record<string, string>>): ItemOutcome {
  const status = cmi['cmi.core.lesson_status'] ?? '';
  const completion: ScormCompletionStatus =
    status === 'passed' || status === 'completed' || status === 'failed' ? 'completed' : status === 'incomplete' || status === 'browsed' ? 'incomplete' : status === 'not attempted' ? 'not attempted' : 'unknown';
  const success: ScormSuccessStatus = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
  return { completion, success, score: score(num(cmi['cmi.core.score.raw']), num(cmi['cmi.core.score.min']), num(cmi['cmi.core.score.max']), undefined) };
}

/** SCORM 2004 reports completion and success separately; they map one to one. */
export function outcome2004(cmi: Readonly<Record<string, string>>): ItemOutcome {
  const c = cmi['cmi.completion_status'] ?? '';
  const s = cmi['cmi.success_status'] ?? '';
  const completion: ScormCompletionStatus = c === 'completed' || c === 'incomplete' || c === 'not attempted' ? c : 'unknown';
  const success: ScormSuccessStatus = s === 'passed' || s === 'failed' ? s : 'unknown';
  return { completion, success, score: score(num(cmi['cmi.score.raw']), num(cmi['cmi.score.min']), num(cmi['cmi.score.max']), num(cmi['cmi.score.scaled'])) };
}
