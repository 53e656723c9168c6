import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../renderer/src/data/pin-hash';
import { applyCatalog, confirmProposedRemovals, keepProposedLearners, latestCatalogPull, undoLastCatalogPull } from '../../../renderer/src/data/catalog';
import type { CatalogSnapshot } from '../../../renderer/src/data/catalog';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { importRoster } from '../../../renderer/src/data/roster';
import { ALICE, BOB, SAFETY_PKG, TENANT, createApiFixture } from '../../support/local-api-fixture';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';

const CAROL = 'ca201000-0000-4000-8000-000000000009';

function snapshot(learners: Array<{ id: string; display_name: string }>): CatalogSnapshot {
  return {
    roster: { tenant_id: TENANT, learners: learners.map((l) => ({ ...l, role: 'learner' as const })) },
    packages: [{ id: SAFETY_PKG, title: 'Safety Training VR 2', version: '1.1.0', target_platforms: ['quest3'] }],
    activities: [],
    lessons: [],
  };
}

async function fixture() {
  const f = await createApiFixture();
  const ports = { db: f.db, now: () => f.clock.now, newId: () => crypto.randomUUID() };
  return { f, ports };
}

describe('catalog pull', () => {
  it('never removes learners added on this kiosk, even when the remote lists only a few', async () => {
    const { f, ports } = await fixture();
    const classList = Array.from({ length: 28 }, (_, i) => ({ id: `1e000000-0000-4000-8000-${String(i).padStart(12, '0')}`, display_name: `Learner ${i}`, role: 'learner' as const }));
    await importRoster(ports, instructorSignedIn(), { tenant_id: TENANT, learners: classList });
    const applied = await applyCatalog(ports, snapshot([{ id: ALICE, display_name: 'Alice W.' }, { id: CAROL, display_name: 'Carol' }]));
    expect(applied.proposedRemovals).toEqual([]);
    expect(await f.db.learners.count()).toBe(2 + 28 + 1);
    expect(await f.db.learners.get(ALICE)).toMatchObject({ display_name: 'Alice W.', source: 'remote' });
  });

  it('proposes removing learners an earlier pull brought, and removes them only when an instructor confirms', async () => {
    const { f, ports } = await fixture();
    await applyCatalog(ports, snapshot([{ id: ALICE, display_name: 'Alice' }, { id: CAROL, display_name: 'Carol' }]));
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    const second = await applyCatalog(ports, snapshot([{ id: ALICE, display_name: 'Alice' }]));
    expect(second.proposedRemovals).toEqual([CAROL]);
    expect(await f.db.learners.get(CAROL)).toBeDefined();
    await expect(confirmProposedRemovals(ports, nobodySignedIn(), second.seq)).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await f.db.learners.get(CAROL)).toBeDefined();
    expect(await confirmProposedRemovals(ports, instructorSignedIn(), second.seq)).toBe(1);
    expect(await f.db.learners.get(CAROL)).toBeUndefined();
    await expect(confirmProposedRemovals(ports, instructorSignedIn(), second.seq)).rejects.toThrow('no removals waiting');
  });

  it('keeps proposed learners as the kiosk own when the instructor says so, and does not propose them again', async () => {
    const { f, ports } = await fixture();
    await applyCatalog(ports, snapshot([{ id: CAROL, display_name: 'Carol' }]));
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    const second = await applyCatalog(ports, snapshot([]));
    expect(second.proposedRemovals).toEqual([CAROL]);
    expect(await keepProposedLearners(ports, instructorSignedIn(), second.seq)).toBe(1);
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    expect((await applyCatalog(ports, snapshot([]))).proposedRemovals).toEqual([]);
    expect(await f.db.learners.get(CAROL)).toMatchObject({ source: 'local' });
  });

  it('undoes the last pull: names, packages and removed learners come back, PINs set since stay', async () => {
    const { f, ports } = await fixture();
    await applyCatalog(ports, snapshot([{ id: ALICE, display_name: 'Alice' }, { id: CAROL, display_name: 'Carol' }]));
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    const before = { alice: await f.db.learners.get(ALICE), pkg: await f.db.vrPackages.get(SAFETY_PKG) };
    const second = await applyCatalog(ports, { ...snapshot([{ id: ALICE, display_name: 'Alice Renamed' }]), packages: [{ id: SAFETY_PKG, title: 'Renamed', version: '9.0.0', target_platforms: ['quest3'] }] });
    await confirmProposedRemovals(ports, instructorSignedIn(), second.seq);
    const pin = await hashPin('2468', 1000);
    await f.db.learners.update(ALICE, { pin });
    await expect(undoLastCatalogPull(ports, nobodySignedIn())).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await undoLastCatalogPull(ports, instructorSignedIn())).toEqual({ restored: 3 });
    expect(await f.db.learners.get(ALICE)).toEqual({ ...before.alice, pin });
    expect(await f.db.learners.get(CAROL)).toMatchObject({ display_name: 'Carol' });
    expect(await f.db.vrPackages.get(SAFETY_PKG)).toEqual(before.pkg);
    expect((await latestCatalogPull(ports))?.at).toBe('2026-03-02T09:00:00.000Z');
  });

  it('records no change for a roster that did not change, and undo of a first pull deletes what it added', async () => {
    const { f, ports } = await fixture();
    await applyCatalog(ports, snapshot([{ id: CAROL, display_name: 'Carol' }]));
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    await applyCatalog(ports, snapshot([{ id: CAROL, display_name: 'Carol' }]));
    expect((await latestCatalogPull(ports))?.changes).toEqual([]);
    await undoLastCatalogPull(ports, instructorSignedIn());
    await undoLastCatalogPull(ports, instructorSignedIn());
    expect(await f.db.learners.get(CAROL)).toBeUndefined();
    expect(await f.db.learners.get(BOB)).toBeDefined();
    expect(await undoLastCatalogPull(ports, instructorSignedIn())).toBeNull();
  });

  it('marks what the remote lists as remote, keeping the APK details imported here', async () => {
    const { f, ports } = await fixture();
    await f.db.vrPackages.update(SAFETY_PKG, { apk_sha256: 'a'.repeat(64), imported_at: '2026-03-01T00:00:00.000Z', origin: 'local' });
    await applyCatalog(ports, snapshot([]));
    expect(await f.db.vrPackages.get(SAFETY_PKG)).toMatchObject({ origin: 'remote', apk_sha256: 'a'.repeat(64), title: 'Safety Training VR 2' });
  });
});
