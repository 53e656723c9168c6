import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../renderer/src/auth/pin-hash';
import { importRoster } from '../../../renderer/src/roster/import-roster';
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';

const CAROL = 'ca201000-0000-4000-8000-000000000003';
const now = new Date('2026-03-02T08:00:00.000Z');

describe('importRoster', () => {
  it('adds new learners and updates known ones, keeping the PINs set on this kiosk', async () => {
    const db = openTestDb();
    const pin = await hashPin('2468', 1000);
    await db.learners.bulkAdd([
      { id: ALICE, tenant_id: TENANT, display_name: 'Alice W.', role: 'learner', pin, updated_at: '2026-01-01T00:00:00.000Z' },
      { id: BOB, tenant_id: TENANT, display_name: 'Bob Chen', role: 'learner', pin: null, updated_at: '2026-01-01T00:00:00.000Z' },
    ]);
    const count = await importRoster(
      db,
      { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong', role: 'learner' }, { id: CAROL, display_name: '陳小明', role: 'instructor' }] },
      now,
    );
    expect(count).toBe(2);
    expect(await db.learners.get(ALICE)).toEqual({ id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong', role: 'learner', pin, updated_at: now.toISOString() });
    expect(await db.learners.get(CAROL)).toEqual({ id: CAROL, tenant_id: TENANT, display_name: '陳小明', role: 'instructor', pin: null, updated_at: now.toISOString() });
    // Learners missing from the file stay: a partial list must not lock anyone out mid-lesson.
    expect((await db.learners.get(BOB))?.display_name).toBe('Bob Chen');
  });
});
