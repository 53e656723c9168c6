import { describe, expect, it } from 'vitest';
import { CatalogPullLog } from '../../../renderer/src/sync/catalog-pull-log';

describe('CatalogPullLog', () => {
  it('passes the pull through, keeping the latest result and telling subscribers', async () => {
    const log = new CatalogPullLog(() => new Date('2026-03-02T09:00:00.000Z'));
    let told = 0;
    const off = log.subscribe(() => (told += 1));
    const result = { ok: true, counts: { learners: 3, packages: 2, activities: 3, lessons: 1 }, skipped: 1, proposedRemovals: 0 } as const;
    expect(await log.record(Promise.resolve(result))).toBe(result);
    expect(log.latest).toEqual({ at: '2026-03-02T09:00:00.000Z', result });
    off();
    await log.record(Promise.resolve({ ok: false, reason: 'offline', message: 'ECONNREFUSED' }));
    expect(told).toBe(1);
    expect(log.latest?.result).toMatchObject({ ok: false, reason: 'offline' });
  });
});
