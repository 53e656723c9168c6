import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_ALICE, SEED_BOB, SEED_LESSON, SEED_SAFETY_PKG, SEED_SCORM_PKG } from './catalog-seed';
import { fetchFailure } from './test-client';
import { useTestServer } from './use-test-server';

const t = useTestServer();

const createPlay = (idempotencyKey?: string, body: unknown = { lessonId: SEED_LESSON }) =>
  t.call('POST', '/api/lesson-plays', { token: t.token, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

describe('Idempotency-Key', () => {
  it('replays the first response (same status and body) for a repeated write, which takes effect once', async () => {
    const key = randomUUID();
    const first = await createPlay(key);
    const second = await createPlay(key);
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(t.server.effects()).toMatchObject({ lessonPlays: 1, idempotencyKeys: 1 });
  });

  it('holds exactly one VR completion when the same complete is sent twice', async () => {
    const created = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG }, idempotencyKey: 'create-1' });
    const path = `/api/vr-sessions/${created.body.session.id}/complete`;
    const first = await t.call('POST', path, { token: t.token, body: { score: 80 }, idempotencyKey: 'complete-1' });
    const again = await t.call('POST', path, { token: t.token, body: { score: 80 }, idempotencyKey: 'complete-1' });
    // Without the key the repeat would be 400 ALREADY_COMPLETED; with it the client sees its original 200.
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(t.server.inspect.vrSessionCounts(SEED_ALICE, SEED_SAFETY_PKG)).toEqual({ created: 1, completed: 1 });
  });

  it('answers 422 when a key is reused for a different request, and writes nothing', async () => {
    const key = randomUUID();
    await createPlay(key);
    const reused = await createPlay(key, { lessonId: SEED_LESSON, locale: 'en' });
    expect(reused).toMatchObject({ status: 422, body: { error: 'Idempotency-Key was already used for a different request' } });
    const vr = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG }, idempotencyKey: key });
    expect(vr).toMatchObject({ status: 422, body: { code: 'VALIDATION_ERROR' } });
    expect(t.server.effects().lessonPlays).toBe(1);
  });

  it("scopes keys to the caller: another user's identical request under the same key is refused, not replayed", async () => {
    await createPlay('shared-key');
    const bob = t.server.tokens.issue(SEED_BOB);
    const res = await t.call('POST', '/api/lesson-plays', { token: bob, body: { lessonId: SEED_LESSON }, idempotencyKey: 'shared-key' });
    expect(res.status).toBe(422);
    expect(t.server.effects().lessonPlays).toBe(1);
  });

  it('does not remember refusals, so a corrected retry under the same key can succeed (SCORM 409 -> merge -> retry)', async () => {
    await t.call('POST', `/api/v1/packages/${SEED_SCORM_PKG}/launch`, { apiKey: t.token, body: { user_id: SEED_ALICE, session_id: 's1' } });
    const stale = await t.call('PUT', '/api/v1/sessions/s1', { apiKey: t.token, body: { version: 7 }, idempotencyKey: 'put-1' });
    expect(stale.status).toBe(409);
    const merged = await t.call('PUT', '/api/v1/sessions/s1', { apiKey: t.token, body: { version: 1 }, idempotencyKey: 'put-1' });
    expect(merged).toMatchObject({ status: 200, body: { version: 2 } });
    expect(t.server.effects().idempotencyKeys).toBe(1);
  });

  it('still authenticates a replay: an expired token gets 401, a fresh one the stored response', async () => {
    const first = await createPlay('k');
    t.server.faults.expireAllTokens();
    expect((await createPlay('k')).status).toBe(401);
    t.token = t.server.tokens.issue(SEED_ALICE);
    expect((await createPlay('k')).body).toEqual(first.body);
  });

  it('lets a client recover from a reset after the write: the retry gets the committed response, one effect', async () => {
    t.server.faults.resetAfterWrite(1, { path: '/api/lesson-plays' });
    const lost = await fetchFailure(createPlay('after-reset'));
    expect(lost.message).toBe('fetch failed');
    expect(t.server.effects().lessonPlays).toBe(1);
    const retry = await createPlay('after-reset');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.lessonPlayId).toBe(t.server.inspect.lessonPlays()[0]?.id);
    expect(t.server.effects().lessonPlays).toBe(1);
  });

  it('keeps remembered responses across a restart', async () => {
    const first = await createPlay('durable');
    await t.server.restart();
    const again = await createPlay('durable');
    expect(again.body).toEqual(first.body);
    expect(t.server.effects().lessonPlays).toBe(1);
  });

  it('can be switched off: keys are then ignored and every repeat is a new write', async () => {
    t.server.faults.honourIdempotencyKeys = false;
    const first = await createPlay('ignored');
    const second = await createPlay('ignored');
    expect(second.body.lessonPlayId).not.toBe(first.body.lessonPlayId);
    expect(t.server.effects()).toMatchObject({ lessonPlays: 2, idempotencyKeys: 0 });
    t.server.faults.clear();
    expect(t.server.faults.honourIdempotencyKeys).toBe(true);
  });

  it('ignores keys on reads', async () => {
    await t.call('GET', '/api/vr-sessions', { token: t.token, idempotencyKey: 'read' });
    expect(t.server.effects().idempotencyKeys).toBe(0);
  });
});
