import type { VrSessionStatus } from '../../../shared/schemas/vr-session';
import type { DataPorts } from '../data/data-ports';
import { latestJobOn } from '../data/headset-queries';
import { rosterEntries } from '../data/roster';

// Who is on a headset, for the large view: the learner whose VR session the newest install or launch on
// that headset was for (what the Headsets page assigned), and where that session stands.

export interface HeadsetLearner {
  readonly learnerName: string | null;
  readonly sessionStatus: VrSessionStatus | null;
}

export async function learnerOnHeadset(ports: Pick<DataPorts, 'db'>, serial: string): Promise<HeadsetLearner> {
  const job = await latestJobOn(ports.db, serial);
  if (!job?.vr_session_id) return { learnerName: null, sessionStatus: null };
  const session = await ports.db.vrSessions.get(job.vr_session_id);
  if (!session) return { learnerName: null, sessionStatus: null };
  const [learner] = await rosterEntries(ports, [session.user_id]);
  return { learnerName: learner?.display_name ?? null, sessionStatus: session.status };
}

/** The learner on every headset of the wall, by serial. */
export async function learnersOnHeadsets(ports: Pick<DataPorts, 'db'>, serials: readonly string[]): Promise<Map<string, HeadsetLearner>> {
  const entries = await Promise.all(serials.map(async (serial) => [serial, await learnerOnHeadset(ports, serial)] as const));
  return new Map(entries);
}
