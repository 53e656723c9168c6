import { describe, expect, it } from 'vitest';
import { exportKeptStatements, keptStatementCount, recentKeptStatements, releaseKeptStatements } from '../../../renderer/src/sync/kept-statements';
import { waitingOperationCount } from '../../../renderer/src/data/outbox-queries';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import type { RemotePort } from '../../../renderer/src/sync/sync-engine';
import { VR_SESSION_EXTENSION } from '../../../shared/xapi/outpost-iris';
import { validateStatement } from '../../../shared/xapi/validate-statement';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';
import { ALICE, BOB, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { remoteSessionId, scriptedRemote } from '../../support/scripted-remote';

async function startAndComplete(f: ApiFixture, user: string) {
  const token = await f.token(user);
  const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
  await f.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token, body: { score: 80 } });
  return created.body.session.id as string;
}

const engine = (f: ApiFixture, port: RemotePort) => new SyncEngine({ db: f.db, remote: port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0.5, concurrency: 4 });

describe('statements with no LRS configured', () => {
  it('stay on the kiosk, held, never sent to the API nor counted as waiting; the sessions themselves sync', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE);
    await startAndComplete(f, BOB);
    const remote = scriptedRemote(undefined, { lrs: false });
    expect(await engine(f, remote.port).drain()).toEqual({ state: 'idle', delivered: 4, dead: 0, waiting: 0 });
    expect(remote.requests.some((r) => r.path.includes('statements'))).toBe(false);
    expect(await keptStatementCount(f.db)).toBe(2);
    expect(await waitingOperationCount(f.db)).toBe(0);
    expect((await f.db.outbox.where('status').equals('dead').count())).toBe(0);
    // A second drain does not ask again for what is kept.
    expect(await engine(f, remote.port).drain()).toMatchObject({ delivered: 0, waiting: 0 });
  });

  it('are listed newest first with the learner’s name, and downloaded as valid xAPI carrying the remote’s ids', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE);
    await startAndComplete(f, BOB);
    await engine(f, scriptedRemote(undefined, { lrs: false }).port).drain();
    const recent = await recentKeptStatements(f.db, 10);
    expect(recent.map((s) => s.learnerName)).toEqual(['Bob Chen', 'Alice Wong']);
    expect(recent[0]).toMatchObject({ verb: 'completed', activity: 'Safety Training VR' });
    await expect(exportKeptStatements(f.db, nobodySignedIn())).rejects.toMatchObject({ code: 'INSTRUCTOR_REQUIRED' });
    const exported = (await exportKeptStatements(f.db, instructorSignedIn())) as Array<{ context: { registration?: string; extensions: Record<string, string> } }>;
    expect(exported).toHaveLength(2);
    expect(exported.map((s) => s.context.extensions[VR_SESSION_EXTENSION])).toEqual([remoteSessionId(1), remoteSessionId(2)]);
    expect(exported.map((s) => s.context.registration)).toEqual([remoteSessionId(1), remoteSessionId(2)]);
    for (const statement of exported) expect(validateStatement(statement)).toMatchObject({ valid: true });
  });

  it('go, each once, when an LRS is set and they are released', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE);
    await engine(f, scriptedRemote(undefined, { lrs: false }).port).drain();
    expect(await releaseKeptStatements(f.db, f.clock.now)).toBe(1);
    expect(await keptStatementCount(f.db)).toBe(0);
    const withLrs = scriptedRemote();
    expect(await engine(f, withLrs.port).drain()).toMatchObject({ delivered: 1, dead: 0, waiting: 0 });
    expect(withLrs.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /statements']);
    expect(await releaseKeptStatements(f.db, f.clock.now)).toBe(0);
  });
});
