import { scormSessionSchema, updateScormSessionRequestSchema } from '../../../shared/schemas/scorm-session';
import { mergeScormCommit } from '../../../shared/scorm/merge-cmi';
import { adoptMergedScormSession } from '../data/scorm-session-adopt';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import type { ConflictResolver } from './sync-engine';

/**
 * A SCORM PUT refused with 409 carries the session as it now stands; merge this kiosk's commit into it
 * (see mergeScormCommit) and retry under the remote's version; once the retry is delivered the kiosk's copy
 * takes the remote's answer (adoptMergedScormSession). Anything unreadable is left as a conflict for the user
 * rather than guessed at.
 */
export function scormConflictResolver(db: OutpostDb): ConflictResolver {
  return async (op: OutboxRow, conflictBody: unknown) => {
    const remote = scormSessionSchema.safeParse((conflictBody as { session?: unknown } | null)?.session);
    const local = updateScormSessionRequestSchema.safeParse(op.body);
    if (!remote.success || !local.success) return null;
    return {
      body: mergeScormCommit(remote.data, { request: local.data, committedAt: op.created_at }),
      delivered: async (answer: unknown) => {
        await adoptMergedScormSession(db, op, local.data.cmi_data ?? {}, answer, remote.data.updated_at);
      },
    };
  };
}
