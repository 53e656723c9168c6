import type { ScormSession } from '../schemas/scorm-session';
import { clampScore, EMPTY_CELL } from './grid-cell';
import type { GridCell } from './grid-cell';

export type ScormSessionFacts = Pick<ScormSession, 'completion_status' | 'success_status' | 'score' | 'time_spent_seconds' | 'updated_at'>;

/** A course's score as 0..1: the scaled score when it reports one, else raw within min..max (min 0 by default). */
export function scormScore(score: ScormSessionFacts['score']): number | null {
  if (!score) return null;
  if (typeof score.scaled === 'number') return clampScore(score.scaled);
  if (typeof score.raw !== 'number' || typeof score.max !== 'number') return null;
  const min = score.min ?? 0;
  return score.max > min ? clampScore((score.raw - min) / (score.max - min)) : null;
}

/** One learner's sessions of one course: the newest says where they are; a failed course asks for help. */
export function scormCell(sessions: readonly ScormSessionFacts[]): GridCell {
  if (sessions.length === 0) return EMPTY_CELL;
  const latest = [...sessions].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0]!;
  const status =
    latest.success_status === 'failed' ? 'failed' : latest.success_status === 'passed' ? 'passed' : latest.completion_status === 'completed' ? 'completed' : latest.completion_status === 'not attempted' ? 'notStarted' : 'inProgress';
  return {
    status,
    score: scormScore(latest.score),
    seconds: sessions.reduce((sum, s) => sum + s.time_spent_seconds, 0),
    attempts: sessions.length,
    help: status === 'failed' ? 'failed' : null,
    updatedAt: latest.updated_at,
  };
}
