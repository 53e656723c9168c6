import type { ActivityProgressRow } from '../db/rows';
import type { DataPorts } from './data-ports';

export interface ActivityCompletion {
  readonly userId: string;
  readonly activityId: string;
  readonly score: number | null;
  readonly timeSpentSeconds: number;
  readonly at: string;
}

/**
 * What the remote does when a linked VR session completes: the learner's activity_progress becomes
 * completed with the score, time and timestamp. Runs inside the caller's transaction. The remote applies
 * the same rule on its side when the complete request arrives, so this row needs no request of its own.
 */
export async function recordActivityCompletion(ports: DataPorts, completion: ActivityCompletion): Promise<ActivityProgressRow> {
  const { db } = ports;
  const existing = await db.activityProgress.where('[user_id+activity_id]').equals([completion.userId, completion.activityId]).first();
  const row: ActivityProgressRow = {
    id: existing?.id ?? ports.newId(),
    activity_id: completion.activityId,
    user_id: completion.userId,
    status: 'completed',
    score: completion.score,
    completed_at: completion.at,
    time_spent_seconds: completion.timeSpentSeconds,
    updated_at: completion.at,
  };
  await db.activityProgress.put(row);
  return row;
}
