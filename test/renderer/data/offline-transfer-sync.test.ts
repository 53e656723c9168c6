import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLrsBatcher } from '../../../main/services/lrs/lrs-batcher';
import { createLrsClient } from '../../../main/services/lrs/lrs-client';
import { createRemoteClient } from '../../../main/services/remote/remote-client';
import { FileSecretStore } from '../../../main/services/remote/secret-store';
import { exportOfflineTransfer } from '../../../renderer/src/data/offline-transfer-export';
import { importOfflineTransfer } from '../../../renderer/src/data/offline-transfer-import';
import type { OutpostDb } from '../../../renderer/src/db/outpost-db';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import type { RemotePort } from '../../../renderer/src/sync/sync-engine';
import { defaultCatalogSeed, SEED_LESSON } from '../../reference-server/catalog-seed';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn } from '../../support/instructor-guards';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

const guard = instructorSignedIn();
const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } };

let h: SyncHarness;
let other: { db: OutpostDb; remote: RemotePort; dir: string };
beforeEach(async () => {
  h = await startSyncHarness({ learners: 2, packages: 2 });
  await h.db.lessons.bulkAdd(defaultCatalogSeed().lessons);
  // A second kiosk of the same school: its own database, the same class and library, its own device token.
  const dir = await mkdtemp(join(tmpdir(), 'outpost-transfer-'));
  const secrets = new FileSecretStore(join(dir, 'token.json'));
  const token = h.server!.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 86_400 });
  await secrets.set({ origin: new URL(h.serverUrl).origin, token });
  const db = openTestDb('kiosk-b');
  await db.learners.bulkAdd(await h.db.learners.toArray());
  await db.vrPackages.bulkAdd(await h.db.vrPackages.toArray());
  await db.lessons.bulkAdd(defaultCatalogSeed().lessons);
  // The school's LRS (the reference server's) takes its statements, as it does the harness kiosk's.
  const lrs = createLrsBatcher(createLrsClient({ config: async () => ({ endpoint: `${h.serverUrl}/xapi`, auth: { kind: 'token', token } }), timeoutMs: 2000 }));
  other = { db, remote: createRemoteClient({ baseUrl: async () => h.serverUrl, secrets, timeoutMs: 2000, lrs }), dir };
});
afterEach(async () => {
  other.db.close();
  await rm(other.dir, { recursive: true, force: true });
  await h.stop();
});

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await h.api(new Request(`http://outpost.local${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as unknown;
}

const drain = (db: OutpostDb, remote: RemotePort) => new SyncEngine({ db, remote, now: () => new Date(), random: () => 0.5, concurrency: 4 }).drain();
const ports = (db: OutpostDb) => ({ db, now: () => new Date(), newId: () => crypto.randomUUID() });
const statuses = async (db: OutpostDb) => Object.fromEntries((await db.outbox.toArray()).map((op) => [op.idempotency_key, op.status]));

describe('an offline kiosk’s work carried to another kiosk reaches the remote once', () => {
  it('the receiving kiosk delivers it; when the source comes online too, its resends are recognised by their keys and change nothing', async () => {
    const [ana, ben] = h.learners as [string, string];
    const anaToken = await h.tokenFor(ana);
    const benToken = await h.tokenFor(ben);
    // Kiosk A (never online so far): two VR sessions, one completed; a lesson play with results; an exercise.
    const vr = await call(anaToken, 'POST', '/api/vr-sessions', { package_id: h.packages[0] });
    await call(anaToken, 'POST', `/api/vr-sessions/${(vr as { session: { id: string } }).session.id}/complete`, { score: 90, time_spent_minutes: 15 });
    await call(benToken, 'POST', '/api/vr-sessions', { package_id: h.packages[1] });
    const play = await call(anaToken, 'POST', '/api/lesson-plays', { lessonId: SEED_LESSON });
    await call(anaToken, 'PUT', `/api/lesson-plays/${(play as { lessonPlayId: string }).lessonPlayId}/results`, { sessions: [{ index: 0, grade: 'A', repCount: 10, targetRepCount: 12 }], activityTime: 300 });
    const started = await call(anaToken, 'POST', '/api/logger/contentsession', exercise);
    await call(anaToken, 'PUT', `/api/logger/contentsession/${(started as { session_id: string }).session_id}`, { interactions: [{ item: 'q1', correct: 1, time_spent: 4, complete: true, answer: { v: 1 } }], progress: 0.2, time_spent_delta: 4 });

    const file = await exportOfflineTransfer(ports(h.db), guard, { kioskName: 'Room 12' });
    if (!file.ok) throw new Error(file.error);
    expect(await importOfflineTransfer(ports(other.db), guard, file.file, file.fileName)).toMatchObject({ ok: true, summary: { addedOperations: file.operations } });

    // Kiosk B syncs: every effect lands.
    await drain(other.db, other.remote);
    const delivered = h.server!.effects();
    expect(delivered.vrSessions).toMatchObject({ created: 2, completed: 1 });
    expect(delivered).toMatchObject({ lessonPlays: 1, contentSessions: 1, attemptLogs: 1, xapiStatements: 1 });
    expect(h.server!.inspect.lessonPlays()[0]).toMatchObject({ activityTime: 300 });

    // Then kiosk A comes online and sends the same operations itself: each is answered from the remote's
    // memory of its key, and nothing is created again. Both kiosks end with the same picture.
    await drain(h.db, h.remote);
    const after = h.server!.effects();
    expect(after).toEqual(delivered);
    expect(await statuses(h.db)).toEqual(await statuses(other.db));
    expect(Object.values(await statuses(other.db)).filter((s) => s === 'pending' || s === 'dead')).toEqual([]);
    // The remote ids both kiosks learned for the same records agree.
    const ids = async (db: OutpostDb) => Object.fromEntries((await db.idMap.toArray()).map((row) => [`${row.entity}:${row.local_id}`, row.remote_id]));
    expect(await ids(h.db)).toEqual(await ids(other.db));
  });
});
