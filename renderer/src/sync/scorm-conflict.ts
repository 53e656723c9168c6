import { scormSessionSchema, updateScormSessionRequestSchema } from '../../../shared/schemas/scorm-session';
import { mergeScormCommit } from '../../../shared/scorm/merge-cmi';
import type { OutboxRow } from '../db/rows';
import type { ConflictResolver } from './sync-engine';

/**
 * A SCORM PUT refused with 409 carries the session as it now stands; merge this kiosk's commit into it
 * (see mergeScormCommit) and retry under the remote's version. Anything unreadable is left as a conflict
 * for the user rather than guessed at.
 */
export const resolveScormConflict: ConflictResolver = async (op: OutboxRow, conflictBody: unknown) => {
  const remote = scormSessionSchema.safeParse((conflictBody as { session?: unknown } | null)?.session);
  const local = updateScormSessionRequestSchema.safeParse(op.body);
  if (!remote.success || !local.success) return null;
  return { body: mergeScormCommit(remote.data, { request: local.data, committedAt: op.created_at }) };
};
