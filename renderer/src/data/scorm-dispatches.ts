import type { ScormDispatchRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/** The URL handle: 128 random bits, stored only as its SHA-256 so a copy of the database cannot launch. */
function newHandle(): string {
  return `dsp_${[...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function hashHandle(handle: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(handle));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Dispatches: one durable record per destination LMS, whose URL handle can be rotated (the old URL stops
 * working) or revoked. Instructor only. Returns the handle once; only its hash is kept.
 */
export async function createDispatch(ports: DataPorts, guard: InstructorGuard, packageId: string, label: string, destination: string): Promise<{ row: ScormDispatchRow; handle: string } | null> {
  await guard.require();
  const { db } = ports;
  const handle = newHandle();
  const tokenHash = await hashHandle(handle);
  return db.transaction('rw', [db.scormDispatches, db.scormCourses], async () => {
    const course = await db.scormCourses.get(packageId);
    if (!course) return null;
    const row: ScormDispatchRow = { id: `dsp_${ports.newId()}`, package_id: packageId, tenant_id: course.tenant_id, label, destination, token_hash: tokenHash, created_at: ports.now().toISOString(), rotated_at: null, revoked_at: null };
    await db.scormDispatches.add(row);
    return { row, handle };
  });
}

export async function rotateDispatch(ports: DataPorts, guard: InstructorGuard, id: string): Promise<{ row: ScormDispatchRow; handle: string } | null> {
  await guard.require();
  const handle = newHandle();
  const tokenHash = await hashHandle(handle);
  const { db } = ports;
  return db.transaction('rw', db.scormDispatches, async () => {
    const row = await db.scormDispatches.get(id);
    if (!row || row.revoked_at) return null;
    const next = { ...row, token_hash: tokenHash, rotated_at: ports.now().toISOString() };
    await db.scormDispatches.put(next);
    return { row: next, handle };
  });
}

export async function revokeDispatch(ports: DataPorts, guard: InstructorGuard, id: string): Promise<boolean> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', db.scormDispatches, async () => {
    const row = await db.scormDispatches.get(id);
    if (!row || row.revoked_at) return false;
    await db.scormDispatches.put({ ...row, revoked_at: ports.now().toISOString() });
    return true;
  });
}

/** The live dispatch a URL handle names, or undefined (unknown, rotated away or revoked). */
export async function dispatchByHandle(ports: Pick<DataPorts, 'db'>, handle: string): Promise<ScormDispatchRow | undefined> {
  if (!/^dsp_[0-9a-f]{32}$/.test(handle)) return undefined;
  const row = await ports.db.scormDispatches.where('token_hash').equals(await hashHandle(handle)).first();
  return row && !row.revoked_at ? row : undefined;
}

/** Every dispatch on the kiosk, newest first (the instructor's hand-off list). */
export async function listDispatches(ports: Pick<DataPorts, 'db'>): Promise<ScormDispatchRow[]> {
  const rows = await ports.db.scormDispatches.toArray();
  return rows.sort((a, b) => b.created_at.localeCompare(a.created_at));
}
