import { describe, expect, it } from 'vitest';
import { addManualPackage, findPackageVersion, saveImportedPackage } from '../../../renderer/src/data/vr-packages';
import { heldReasonForPackage, packageOrigin } from '../../../renderer/src/data/vr-package-origin';
import { SAFETY_PKG, createApiFixture, safetyPackage } from '../../support/local-api-fixture';
import { storedApk, storedObb } from '../library/stored-files';
import { sequentialIds } from '../headsets/headset-fixtures';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { linkPackageAsInstructor } from '../../../renderer/src/data/vr-package-link';

async function fixture() {
  const f = await createApiFixture();
  return { ...f, ports: { db: f.db, now: () => f.clock.now, newId: sequentialIds() } };
}

describe('saveImportedPackage', () => {
  it('adds an imported APK as a local package, found again by package_name + versionCode', async () => {
    const f = await fixture();
    const saved = await saveImportedPackage(f.ports, instructorSignedIn(), { apk: storedApk, obbs: [storedObb] }, ['quest3']);
    expect(saved).toMatchObject({ ok: true, updated: false, row: { id: '00000000-0000-4000-8000-000000000001', origin: 'local', package_name: 'org.example.safety', imported_at: '2026-03-02T09:00:00.000Z' } });
    expect(await findPackageVersion(f.db, 'org.example.safety', 7)).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', origin: 'local' });
    expect(await findPackageVersion(f.db, 'org.example.safety', 8)).toBeUndefined();
  });

  it('updates the same release in place and keeps its origin (a linked package stays remote)', async () => {
    const f = await fixture();
    const first = await saveImportedPackage(f.ports, instructorSignedIn(), { apk: storedApk, obbs: [] }, ['quest3']);
    if (!first.ok) throw new Error(first.problem);
    await f.db.vrPackages.update(first.row.id, { origin: 'remote' });
    const again = await saveImportedPackage(f.ports, instructorSignedIn(), { apk: storedApk, obbs: [storedObb] }, ['quest2', 'quest3']);
    expect(again).toMatchObject({ ok: true, updated: true, row: { id: first.row.id, origin: 'remote', target_platforms: ['quest2', 'quest3'] } });
    expect(await f.db.vrPackages.where('package_name').equals('org.example.safety').count()).toBe(1);
  });

  it('returns the problem as a value and writes nothing', async () => {
    const f = await fixture();
    expect(await saveImportedPackage(f.ports, instructorSignedIn(), { apk: storedApk, obbs: [] }, [])).toEqual({ ok: false, problem: 'platformsRequired' });
    expect(await findPackageVersion(f.db, 'org.example.safety', 7)).toBeUndefined();
  });
});

describe('addManualPackage', () => {
  it('adds a local package with the ports clock and id', async () => {
    const f = await fixture();
    const row = await addManualPackage(f.ports, instructorSignedIn(), { title: 'Museum Tour', version: '3', target_platforms: ['quest3'] });
    expect(await f.db.vrPackages.get(row.id)).toEqual({ id: '00000000-0000-4000-8000-000000000001', title: 'Museum Tour', version: '3', target_platforms: ['quest3'], imported_at: '2026-03-02T09:00:00.000Z', origin: 'local' });
  });
});

describe('packageOrigin', () => {
  it('reads the field, and for rows from before it, takes imported_at as the mark of a package added on this kiosk', () => {
    expect(packageOrigin({ origin: 'remote', imported_at: '2026-01-01T00:00:00.000Z' })).toBe('remote');
    expect(packageOrigin({ origin: 'local' })).toBe('local');
    expect(packageOrigin(safetyPackage)).toBe('remote');
    expect(packageOrigin({ imported_at: '2026-01-01T00:00:00.000Z' })).toBe('local');
    expect(heldReasonForPackage({ imported_at: '2026-01-01T00:00:00.000Z' })).toBe('local_package');
    expect(heldReasonForPackage(safetyPackage)).toBeUndefined();
    expect(heldReasonForPackage(undefined)).toBeUndefined();
  });
});

describe('library writes are the instructor’s', () => {
  it('refuses an import, a package added by hand and a link without an instructor, writing nothing', async () => {
    const f = await fixture();
    const before = await f.db.vrPackages.count();
    await expect(saveImportedPackage(f.ports, nobodySignedIn(), { apk: storedApk, obbs: [] }, ['quest3'])).rejects.toBeInstanceOf(InstructorRequiredError);
    await expect(addManualPackage(f.ports, nobodySignedIn(), { title: 'Museum Tour', version: '3', target_platforms: ['quest3'] })).rejects.toBeInstanceOf(InstructorRequiredError);
    const local = await addManualPackage(f.ports, instructorSignedIn(), { title: 'Museum Tour', version: '3', target_platforms: ['quest3'] });
    await expect(linkPackageAsInstructor(f.ports, nobodySignedIn(), local.id, SAFETY_PKG)).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await f.db.vrPackages.count()).toBe(before + 1);
    expect(await f.db.vrPackages.get(local.id)).toMatchObject({ origin: 'local' });
  });
});
