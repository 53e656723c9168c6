/** What the instructor's grid shows for one learner and one activity, whatever kind the activity is. */
export type ActivityKind = 'vr' | 'scorm' | 'exercise' | 'lesson';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['vr', 'scorm', 'exercise', 'lesson'];

export type CellStatus = 'notStarted' | 'inProgress' | 'completed' | 'passed' | 'failed';
export const CELL_STATUSES: readonly CellStatus[] = ['notStarted', 'inProgress', 'completed', 'passed', 'failed'];

/** Why a learner is flagged: a failed course or session, struggling on an exercise, a VR session running far longer than the class's. */
export type HelpReason = 'failed' | 'struggling' | 'longSession';

export interface GridCell {
  readonly status: CellStatus;
  /** 0..1, or null when the activity reports none. */
  readonly score: number | null;
  readonly seconds: number;
  readonly attempts: number;
  readonly help: HelpReason | null;
  /** The latest change behind this cell (ISO), for sorting details. */
  readonly updatedAt: string | null;
}

export const EMPTY_CELL: GridCell = { status: 'notStarted', score: null, seconds: 0, attempts: 0, help: null, updatedAt: null };

/** A cell counts as done for completion charts and totals. */
export function isDone(status: CellStatus): boolean {
  return status === 'completed' || status === 'passed';
}

export function clampScore(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.min(1, Math.max(0, value));
}
