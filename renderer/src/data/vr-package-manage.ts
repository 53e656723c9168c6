import type { VrPackageRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { summariesOfPackage } from './held-operations';
import { packageOrigin } from './vr-package-origin';

/** Same bound as the by-hand form's title (renderer/src/library/manual-package-form.ts). */
const TITLE_MAX = 120;

export type PackageChange = { ok: true } | { ok: false; reason: 'gone' | 'remote' | 'blank' | 'tooLong' };

/** Renames a package this kiosk added; the catalog's own packages are named by the remote (a pull would undo it). */
export async function renamePackage(ports: DataPorts, guard: InstructorGuard, id: string, title: string): Promise<PackageChange> {
  await guard.require();
  const trimmed = title.trim();
  if (trimmed === '') return { ok: false, reason: 'blank' };
  if ([...trimmed].length > TITLE_MAX) return { ok: false, reason: 'tooLong' };
  const { db } = ports;
  return db.transaction('rw', db.vrPackages, async () => {
    const row = await db.vrPackages.get(id);
    if (!row) return { ok: false, reason: 'gone' } as const;
    if (packageOrigin(row) === 'remote') return { ok: false, reason: 'remote' } as const;
    await db.vrPackages.update(id, { title: trimmed });
    return { ok: true } as const;
  });
}

export type PackageDelete =
  | { ok: true; deleted: VrPackageRow }
  | { ok: false; reason: 'gone' | 'remote' }
  | { ok: false; reason: 'inUse'; sessions: number; activities: number; installs: number };

const RUNNING_JOBS = ['queued', 'transferring', 'installing', 'verifying'];

/**
 * Deletes a package this kiosk added, refused with the reason while anything uses it: learners' sessions
 * (their records wait for it to be linked before they sync), an activity, or an install running now. The
 * row is handed back so the instructor can undo; the APK stays in main's store, so undo loses nothing.
 */
export async function deletePackage(ports: DataPorts, guard: InstructorGuard, id: string): Promise<PackageDelete> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', [db.vrPackages, db.vrSummaries, db.activities, db.sideloadJobs], async () => {
    const row = await db.vrPackages.get(id);
    if (!row) return { ok: false, reason: 'gone' } as const;
    if (packageOrigin(row) === 'remote') return { ok: false, reason: 'remote' } as const;
    const [sessions, activities, installs] = await Promise.all([
      // From the per-learner summaries (one row per learner and package, kept with every session write),
      // not a scan of every session the kiosk holds (vrSessions has no package_id index).
      summariesOfPackage(db, id).then((rows) => rows.reduce((sum, s) => sum + s.count, 0)),
      db.activities.where('vr_package_id').equals(id).count(),
      db.sideloadJobs.where('package_id').equals(id).filter((job) => RUNNING_JOBS.includes(job.status)).count(),
    ]);
    if (sessions + activities + installs > 0) return { ok: false, reason: 'inUse', sessions, activities, installs } as const;
    await db.vrPackages.delete(id);
    return { ok: true, deleted: row } as const;
  });
}

/** Undo of deletePackage. */
export async function restorePackage(ports: DataPorts, guard: InstructorGuard, row: VrPackageRow): Promise<void> {
  await guard.require();
  await ports.db.vrPackages.put(row);
}
