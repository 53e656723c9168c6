import { describe, expect, it } from 'vitest';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { deletePackage, renamePackage, restorePackage } from '../../../renderer/src/data/vr-package-manage';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';
import { ALICE, SAFETY_PKG, TENANT, safetyPackage } from '../../support/local-api-fixture';

const now = new Date('2026-03-02T08:00:00.000Z');
const LOCAL_PKG = 'c0ffee00-0000-4000-8000-0000000000aa';
const local = { id: LOCAL_PKG, title: 'Fire Drill', version: '1.0.0', target_platforms: ['quest3' as const], origin: 'local' as const };

describe('managing the VR library', () => {
  it('renames and deletes a package this kiosk added, undoes the delete, and refuses the catalog’s own', async () => {
    const db = openTestDb();
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    const guard = instructorSignedIn();
    await db.vrPackages.bulkAdd([{ ...safetyPackage, origin: 'remote' }, local]);
    expect(await renamePackage(ports, guard, LOCAL_PKG, '  Fire Drill 2 ')).toEqual({ ok: true });
    expect(await renamePackage(ports, guard, LOCAL_PKG, ' ')).toEqual({ ok: false, reason: 'blank' });
    expect(await renamePackage(ports, guard, SAFETY_PKG, 'Mine now')).toEqual({ ok: false, reason: 'remote' });
    expect(await deletePackage(ports, guard, SAFETY_PKG)).toEqual({ ok: false, reason: 'remote' });
    const deleted = await deletePackage(ports, guard, LOCAL_PKG);
    expect(deleted).toEqual({ ok: true, deleted: { ...local, title: 'Fire Drill 2' } });
    expect(await db.vrPackages.get(LOCAL_PKG)).toBeUndefined();
    if (deleted.ok) await restorePackage(ports, guard, deleted.deleted);
    expect((await db.vrPackages.get(LOCAL_PKG))?.title).toBe('Fire Drill 2');
    await expect(deletePackage(ports, nobodySignedIn(), LOCAL_PKG)).rejects.toBeInstanceOf(InstructorRequiredError);
  });

  it('refuses to delete a package while a learner’s session or an install uses it, saying how many', async () => {
    const db = openTestDb();
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    await db.vrPackages.add(local);
    await db.vrSessions.add({ id: crypto.randomUUID(), package_id: LOCAL_PKG, activity_id: null, tenant_id: TENANT, user_id: ALICE, status: 'completed', completion_mode: 'self_report', attempts: 1, download_started_at: null, download_completed_at: null, first_launch_at: null, completed_at: null, score: null, success_status: null, time_spent_seconds: 0, self_reported: true, created_at: now.toISOString() });
    await db.sideloadJobs.add({ id: crypto.randomUUID(), serial: 'S1', package_id: LOCAL_PKG, vr_session_id: null, status: 'transferring', bytes_total: 10, bytes_sent: 1, error_code: null, error_message: null, created_at: now.toISOString(), updated_at: now.toISOString() });
    expect(await deletePackage(ports, instructorSignedIn(), LOCAL_PKG)).toEqual({ ok: false, reason: 'inUse', sessions: 1, activities: 0, installs: 1 });
    expect(await db.vrPackages.get(LOCAL_PKG)).toBeDefined();
  });
});
