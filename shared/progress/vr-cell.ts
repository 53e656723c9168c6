import type { VrSession } from '../schemas/vr-session';
import { clampScore, EMPTY_CELL } from './grid-cell';
import type { CellStatus, GridCell } from './grid-cell';

export type VrSessionFacts = Pick<VrSession, 'status' | 'score' | 'success_status' | 'time_spent_seconds' | 'first_launch_at' | 'created_at' | 'completed_at'>;

/** Seconds a running session has been on the headset so far; 0 before it was launched. */
export function runningSeconds(session: Pick<VrSessionFacts, 'status' | 'first_launch_at'>, now: Date): number {
  if (session.status !== 'in_progress' || session.first_launch_at === null) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(session.first_launch_at)) / 1000));
}

/** Where the newest session says the learner is. */
export function vrCellStatus(latest: Pick<VrSessionFacts, 'status' | 'success_status'>): CellStatus {
  return latest.status !== 'completed' ? 'inProgress' : latest.success_status === 'failed' ? 'failed' : latest.success_status === 'passed' ? 'passed' : 'completed';
}

/**
 * One learner's sessions of one VR package: the newest says where they are; time adds up over every
 * session (a running one counts until now); the score is the newest completed session's. The class grid
 * builds its cells from summaries (vr-summary.ts, vrSummaryCell); this is the rule they are tested against.
 */
export function vrCell(sessions: readonly VrSessionFacts[], now: Date): GridCell {
  if (sessions.length === 0) return EMPTY_CELL;
  const sorted = [...sessions].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const latest = sorted[0]!;
  const done = sorted.find((s) => s.status === 'completed');
  const status = vrCellStatus(latest);
  const seconds = sorted.reduce((sum, s) => sum + (s.status === 'completed' ? s.time_spent_seconds : runningSeconds(s, now)), 0);
  return {
    status,
    score: clampScore(done?.score?.scaled),
    seconds,
    attempts: sessions.length,
    help: status === 'failed' ? 'failed' : null,
    updatedAt: latest.completed_at ?? latest.first_launch_at ?? latest.created_at,
  };
}
