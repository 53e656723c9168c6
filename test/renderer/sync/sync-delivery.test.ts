import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
// The local API records with the real clock; the engine's wall clock starts there and moves by hand.
const clocks = { wall: new Date(), mono: 0 };
beforeEach(async () => {
  h = await startSyncHarness({ learners: 2, packages: 2 });
  clocks.wall = new Date(Date.now() + 1000);
  clocks.mono = 0;
});
afterEach(async () => {
  await h.stop();
});

function engine(random = () => 0.5) {
  return new SyncEngine({ db: h.db, remote: h.remote, now: () => clocks.wall, monotonic: () => clocks.mono, random, concurrency: 4 });
}

/** Moves both clocks, as time passing does. */
function pass(ms: number) {
  clocks.wall = new Date(clocks.wall.getTime() + ms);
  clocks.mono += ms;
}

async function startAndComplete(user: string, pkg: string) {
  const token = await h.tokenFor(user);
  const call = (path: string, body: unknown) => h.api(new Request(`http://outpost.local${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  const created = (await (await call('/api/vr-sessions', { package_id: pkg })).json()) as { session: { id: string } };
  await call(`/api/vr-sessions/${created.session.id}/complete`, { score: 75, time_spent_minutes: 12 });
  return created.session.id;
}

const createOp = () => h.db.outbox.filter((op) => op.kind === 'vr_session.create').first();
const byKind = async () => Object.fromEntries((await h.db.outbox.toArray()).map((op) => [op.kind, op.status]));

describe('what counts as delivered, against the reference server', () => {
  it('a create whose JSON answer was cut short is retried under its key, then mapped: one session, completed', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.truncateNext(1, { path: '/api/vr-sessions', method: 'POST' });
    const sync = engine();
    expect(await sync.drain()).toMatchObject({ delivered: 0 });
    const op = await createOp();
    expect(op).toMatchObject({ status: 'pending', attempts: 1 });
    expect(op?.last_error?.message).toMatch(/not complete JSON/);
    // Applied remotely all the same: the resend is recognised by its key, and completion follows.
    pass(60_000);
    expect(await sync.drain()).toMatchObject({ state: 'idle', waiting: 0 });
    expect(h.server!.faults.injected.truncated).toBe(1);
    expect(h.server!.effects().vrSessions).toMatchObject({ created: 1, completed: 1 });
  });

  it('a captive portal (302, or its own 200 HTML page) delivers nothing, and the redirect is never followed', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.answerNext(1, { kind: 'redirect', status: 302, location: 'http://portal.school.example/login' }, { path: '/api/vr-sessions', method: 'POST' });
    h.server!.faults.answerNext(1, { kind: 'html' }, { path: '/api/vr-sessions', method: 'POST' });
    const sync = engine();
    await sync.drain();
    expect((await createOp())?.last_error?.message).toMatch(/302: redirected to http:\/\/portal\.school\.example\/login/);
    pass(60_000);
    await sync.drain();
    expect((await createOp())?.last_error?.message).toMatch(/web page \(text\/html/);
    expect(h.server!.effects().vrSessions.created).toBe(0);
    pass(60_000);
    await sync.drain();
    expect(await byKind()).toMatchObject({ 'vr_session.create': 'done', 'vr_session.complete': 'done' });
    expect(h.server!.effects().vrSessions).toMatchObject({ created: 1, completed: 1 });
    expect(h.server!.requests.count('GET /api/vr-sessions')).toBe(0);
  });

  it('a 2xx in the wrong shape is not delivered: retried with where it differs, then delivered once', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.answerNext(1, { kind: 'json', status: 201, body: { ok: true } }, { path: '/api/vr-sessions', method: 'POST' });
    const sync = engine();
    expect(await sync.drain()).toMatchObject({ delivered: 0 });
    const op = await createOp();
    expect(op).toMatchObject({ status: 'pending', last_error: { status: 201 } });
    expect(op?.last_error?.message).toMatch(/does not match the API's response/);
    pass(60_000);
    await sync.drain();
    expect(await byKind()).toMatchObject({ 'vr_session.create': 'done', 'vr_session.complete': 'done' });
    expect(h.server!.effects().vrSessions).toMatchObject({ created: 1, completed: 1 });
  });

  for (const [label, code] of [['the seed’s code', undefined], ['no code', null], ['a code the kiosk does not know', 'DUPLICATE']] as const) {
    it(`a repeated completion answered 409 with ${label} counts as delivered, never a dead letter`, async () => {
      await startAndComplete(h.learners[0]!, h.packages[0]!);
      // The completion lands but its answer is lost; the resend is refused as a repeat, with a 409.
      h.server!.faults.resetAfterWrite(1, { path: '/api/vr-sessions/:sessionId/complete' });
      h.server!.faults.honourIdempotencyKeys = false;
      h.server!.faults.repeatedCompletionConflictNext(1, code === undefined ? {} : { code });
      const sync = engine();
      await sync.drain();
      expect(h.server!.effects().vrSessions).toMatchObject({ created: 1, completed: 1 });
      pass(60_000);
      await sync.drain();
      expect(h.server!.faults.injected.repeatedCompletionConflicts).toBe(1);
      expect(await byKind()).toMatchObject({ 'vr_session.create': 'done', 'vr_session.complete': 'done' });
      expect(await h.db.outbox.where('status').equals('dead').count()).toBe(0);
      expect(h.server!.effects().vrSessions).toMatchObject({ created: 1, completed: 1 });
    });
  }

  it('a 301 on a write (an http address moved to https) is retried with its reason, not turned into a GET', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.answerNext(1, { kind: 'redirect', status: 301, location: 'https://api.school.example/api/vr-sessions' }, { path: '/api/vr-sessions', method: 'POST' });
    await engine().drain();
    expect(await createOp()).toMatchObject({ status: 'pending', last_error: { status: 301 } });
    expect(h.server!.requests.count('GET /api/vr-sessions')).toBe(0);
  });

  it('honours Retry-After in seconds: told 30 s, nothing is sent after 1 s, then it goes', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.answerNext(1, { kind: 'retry_after', status: 503, value: '30' }, { path: '/api/vr-sessions', method: 'POST' });
    const sync = engine(() => 0);
    await sync.drain();
    expect(sync.nextRetryMs).toBe(30_000);
    const sent = h.server!.requests.count('POST /api/vr-sessions');
    pass(1_000);
    await sync.drain();
    expect(h.server!.requests.count('POST /api/vr-sessions')).toBe(sent);
    pass(29_000);
    expect(await sync.drain()).toMatchObject({ waiting: 0 });
    expect(h.server!.effects().vrSessions.completed).toBe(1);
  });

  it('honours Retry-After as an HTTP-date, measured against the answer’s own Date', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    const at = new Date(Date.now() + 120_000).toUTCString();
    h.server!.faults.answerNext(1, { kind: 'retry_after', status: 429, value: at }, { path: '/api/vr-sessions', method: 'POST' });
    const sync = engine(() => 0);
    await sync.drain();
    expect(sync.nextRetryMs).toBeGreaterThanOrEqual(115_000);
    expect(sync.nextRetryMs).toBeLessThanOrEqual(121_000);
  });

  it('a wall clock corrected by 48 h strands no retry: the backoff runs on the monotonic clock', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    clocks.wall = new Date(clocks.wall.getTime() + 48 * 3_600_000); // the kiosk's clock was two days ahead
    h.server!.faults.failNext(1, { status: 503, path: '/api/vr-sessions', method: 'POST' });
    const sync = engine(() => 0.5);
    await sync.drain();
    clocks.wall = new Date(clocks.wall.getTime() - 48 * 3_600_000); // ... and is corrected
    clocks.mono += 600;
    expect(await sync.drain()).toMatchObject({ waiting: 0 });
    expect(h.server!.effects().vrSessions.completed).toBe(1);
  });

  it('after a restart, a stored retry time from a clock that jumped is trusted for at most an hour', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    const op = await createOp();
    await h.db.outbox.update(op!.seq!, { next_attempt_at: new Date(clocks.wall.getTime() + 48 * 3_600_000).toISOString() });
    const sync = engine();
    await sync.drain();
    expect(sync.nextRetryMs).toBe(3_600_000);
    clocks.mono += 3_600_000;
    expect(await sync.drain()).toMatchObject({ waiting: 0 });
  });

  it('a drain picks up what is recorded while it runs', async () => {
    await startAndComplete(h.learners[0]!, h.packages[0]!);
    h.server!.faults.slow(150, { count: 1, path: '/api/vr-sessions', method: 'POST' });
    const running = engine().drain();
    // Recorded while the first request is on its way.
    await startAndComplete(h.learners[1]!, h.packages[1]!);
    expect(await running).toMatchObject({ state: 'idle', delivered: 6, waiting: 0 });
    expect(h.server!.effects().vrSessions).toMatchObject({ created: 2, completed: 2 });
  });
});
