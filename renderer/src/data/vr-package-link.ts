import type { VrPackageRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { heldForPackage, packageHoldTables, sessionIdsOfPackage } from './held-operations';
import { packageOrigin } from './vr-package-origin';

export type LinkResult =
  | { readonly ok: true; readonly released: number; readonly sessions: number }
  | { readonly ok: false; readonly error: 'local_package_not_found' | 'not_local' | 'remote_package_not_found' | 'same_package' };

/** What an APK import adds to a package; the catalog's own fields (id, title, version, headsets) stay the remote's. */
const APK_FIELDS = ['package_name', 'version_code', 'version_name', 'label', 'min_sdk', 'launch_activity', 'apk_sha256', 'apk_size_bytes', 'obb_files', 'imported_at'] as const;

function withApkDetails(remote: VrPackageRow, local: VrPackageRow): VrPackageRow {
  const extras = Object.fromEntries(APK_FIELDS.flatMap((field) => (local[field] === undefined ? [] : [[field, local[field]]])));
  return { ...remote, ...extras, origin: 'remote' };
}

/**
 * An instructor says a local package is this remote one. In one transaction: the local package's APK
 * details move onto the remote row (which becomes the library entry; the local row goes), its sessions
 * and sideload jobs point at the remote id, and the operations held for it are rewritten to the remote id
 * (bodies and paths: the create's package_id, the xAPI statement's activity IRI) and released to pending.
 */
export async function linkPackage(ports: DataPorts, localPackageId: string, remotePackageId: string): Promise<LinkResult> {
  const { db } = ports;
  if (localPackageId === remotePackageId) return { ok: false, error: 'same_package' };
  return db.transaction('rw', packageHoldTables(db), async (): Promise<LinkResult> => {
    const local = await db.vrPackages.get(localPackageId);
    if (!local) return { ok: false, error: 'local_package_not_found' };
    if (packageOrigin(local) !== 'local') return { ok: false, error: 'not_local' };
    const remote = await db.vrPackages.get(remotePackageId);
    if (!remote) return { ok: false, error: 'remote_package_not_found' };
    const held = await heldForPackage(db, localPackageId);
    const sessions = await sessionIdsOfPackage(db, localPackageId);
    const at = ports.now().toISOString();
    // Ids are UUIDs, so replacing the text of one can only hit that id.
    const rewrite = (text: string) => text.split(localPackageId).join(remotePackageId);
    await db.outbox.bulkUpdate(
      held.map((op) => ({
        key: op.seq ?? 0,
        changes: { status: 'pending' as const, held_reason: null, path: rewrite(op.path), body: op.body === undefined ? op.body : JSON.parse(rewrite(JSON.stringify(op.body))), next_attempt_at: at, updated_at: at },
      })),
    );
    await db.vrSessions.where('id').anyOf([...sessions]).modify({ package_id: remotePackageId });
    await db.sideloadJobs.where('package_id').equals(localPackageId).modify({ package_id: remotePackageId });
    await db.vrPackages.put(withApkDetails(remote, local));
    await db.vrPackages.delete(localPackageId);
    return { ok: true, released: held.length, sessions: sessions.size };
  });
}

/** The instructor's "this is that remote package" (the catalog pull links on its own only when sure). */
export async function linkPackageAsInstructor(ports: DataPorts, guard: InstructorGuard, localPackageId: string, remotePackageId: string): Promise<LinkResult> {
  await guard.require();
  return linkPackage(ports, localPackageId, remotePackageId);
}
