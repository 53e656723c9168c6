import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { defaultCatalogSeed, SEED_CLIENT, SEED_LESSON } from '../../reference-server/catalog-seed';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness({ learners: 2, packages: 1 });
  await h.db.lessons.bulkAdd(defaultCatalogSeed().lessons);
});
afterEach(async () => {
  await h.stop();
});

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await h.api(new Request(`http://outpost.local${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('lesson plays reach the reference server through the outbox', () => {
  it('replays create, PATCH and results in order, with the remote id, through main’s named operations', async () => {
    const learner = h.learners[0]!;
    const token = await h.tokenFor(learner);
    const created = await call(token, 'POST', '/api/lesson-plays', { lessonId: SEED_LESSON, locale: 'zh-Hans', returnUrl: 'https://school.example/a' });
    expect(created.status).toBe(200);
    const id = created.body.lessonPlayId as string;
    expect((await call(token, 'PATCH', `/api/lesson-plays/${id}`, { returnUrl: null })).status).toBe(200);
    const results = {
      sessions: [
        { index: 0, grade: 'A+', engagementLevel: 0.9, poseSimilarity: 0.8, repCount: 12, targetRepCount: 12 },
        { index: 1, skipped: true },
      ],
      activityTime: 600,
      completedAt: new Date().toISOString(),
    };
    expect((await call(token, 'PUT', `/api/lesson-plays/${id}/results`, results)).status).toBe(200);
    expect(await h.db.outbox.count()).toBe(3);

    const engine = new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0.5, concurrency: 4 });
    const drained = await engine.drain();
    expect(drained).toMatchObject({ state: 'idle', delivered: 3, dead: 0, waiting: 0 });

    const remote = h.server!.inspect.lessonPlays();
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ clientId: SEED_CLIENT, userId: learner, lessonId: SEED_LESSON, locale: 'zh-Hans', averageGrade: 'A+', totalRepCount: 12, activityTime: 600, completedAt: results.completedAt });
    expect(remote[0]).not.toHaveProperty('returnUrl');
    const mapped = await h.db.idMap.get(['lesson_play', id]);
    expect(mapped?.remote_id).toBe(remote[0]?.id);

    // Sent again (a lost answer, a crash), the same operations leave one play with the same result.
    await h.db.outbox.toCollection().modify({ status: 'pending' });
    await engine.drain();
    expect(h.server!.inspect.lessonPlays()).toHaveLength(1);
  });
});
