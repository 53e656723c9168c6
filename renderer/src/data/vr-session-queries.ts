import type { VrSessionStatus } from '../../../shared/schemas/vr-session';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow, VrSessionRow } from '../db/rows';

export interface SessionWithPackage {
  readonly session: VrSessionRow;
  /** Undefined when the package was removed from this kiosk's library. */
  readonly pkg: VrPackageRow | undefined;
}

export interface SessionFilter {
  readonly package_id?: string | undefined;
  readonly activity_id?: string | undefined;
}

/** A learner's sessions, newest first, filtered by package and/or activity, each with its package. */
export async function listLearnerSessions(db: OutpostDb, learnerId: string, filter: SessionFilter = {}): Promise<SessionWithPackage[]> {
  let rows: VrSessionRow[];
  if (filter.package_id) rows = await db.vrSessions.where('[user_id+package_id]').equals([learnerId, filter.package_id]).toArray();
  else if (filter.activity_id) rows = await db.vrSessions.where('[user_id+activity_id]').equals([learnerId, filter.activity_id]).toArray();
  else rows = await db.vrSessions.where('user_id').equals(learnerId).toArray();
  if (filter.activity_id) rows = rows.filter((row) => row.activity_id === filter.activity_id);
  rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  return withPackages(db, rows);
}

async function withPackages(db: OutpostDb, rows: readonly VrSessionRow[]): Promise<SessionWithPackage[]> {
  const ids = [...new Set(rows.map((r) => r.package_id))];
  const byId = new Map((await db.vrPackages.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  return rows.map((session) => ({ session, pkg: byId.get(session.package_id) }));
}

export interface OpenSession {
  readonly id: string;
  readonly learnerName: string;
  readonly status: VrSessionStatus;
}

const WAITING_FOR_HEADSET: VrSessionStatus[] = ['downloading', 'downloaded'];

/** Sessions of any learner for one package that a headset could still serve, by learner name. */
export async function openSessionsForPackage(db: OutpostDb, packageId: string): Promise<OpenSession[]> {
  const rows = (await db.vrSessions.where('status').anyOf(WAITING_FOR_HEADSET).toArray()).filter((s) => s.package_id === packageId);
  const learners = await db.learners.bulkGet(rows.map((s) => s.user_id));
  return rows.map((s, i): OpenSession => ({ id: s.id, learnerName: learners[i]?.display_name ?? s.user_id, status: s.status })).sort((a, b) => a.learnerName.localeCompare(b.learnerName));
}
