import { describe, expect, it } from 'vitest';
import { createVrSessionsClient } from '../../../renderer/src/local-server/vr-sessions-client';
import type { LocalApi } from '../../../renderer/src/local-server/local-api';
import { ALICE, BOB, CHEM_PKG, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';

describe('VR sessions client over the local API', () => {
  it('creates, lists and completes with typed, parsed values', async () => {
    const f = await createApiFixture();
    const client = createVrSessionsClient(f.api, await f.token(ALICE));

    const created = await client.create({ package_id: SAFETY_PKG, completion_mode: 'score_entry' });
    expect(created).toMatchObject({ ok: true, status: 201, value: { message: 'VR session created', session: { status: 'downloading', completion_mode: 'score_entry' } } });
    if (!created.ok) return;
    const again = await client.create({ package_id: SAFETY_PKG });
    expect(again).toMatchObject({ ok: true, status: 200, value: { message: 'Existing session returned', session: { id: created.value.session.id } } });

    const done = await client.complete(created.value.session.id, { score: 85, time_spent_minutes: 30 });
    expect(done).toMatchObject({ ok: true, value: { session: { status: 'completed', score: { raw: 85, max: 100, scaled: 0.85 }, success_status: 'passed', time_spent_seconds: 1800 } } });

    const listed = await client.list();
    expect(listed.ok && listed.value.sessions.map((s) => [s.package.title, s.status])).toEqual([['Safety Training VR', 'completed']]);
  });

  it('passes list filters as query parameters', async () => {
    const f = await createApiFixture();
    const client = createVrSessionsClient(f.api, await f.token(ALICE));
    await client.create({ package_id: SAFETY_PKG });
    await client.create({ package_id: CHEM_PKG });
    const chem = await client.list({ package_id: CHEM_PKG });
    expect(chem.ok && chem.value.sessions.map((s) => s.package_id)).toEqual([CHEM_PKG]);
    const bad = await client.list({ package_id: 'not-a-uuid' });
    expect(bad).toMatchObject({ ok: false, status: 400, code: 'VALIDATION_ERROR', details: [{ path: 'package_id' }] });
  });

  it('returns API errors as values with their code, message and field details', async () => {
    const f = await createApiFixture();
    const client = createVrSessionsClient(f.api, await f.token(ALICE));
    const created = await client.create({ package_id: SAFETY_PKG });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.session.id;

    const invalid = await client.complete(id, { score: 120, notes: 'x'.repeat(1001) });
    expect(invalid).toMatchObject({ ok: false, status: 400, code: 'VALIDATION_ERROR', message: 'Invalid request body' });
    expect(!invalid.ok && invalid.details.map((d) => d.path).sort()).toEqual(['notes', 'score']);

    await client.complete(id, {});
    expect(await client.complete(id, {})).toEqual({ ok: false, status: 400, code: 'ALREADY_COMPLETED', message: 'Session is already completed', details: [] });

    const bob = createVrSessionsClient(f.api, await f.token(BOB));
    expect(await bob.complete(id, {})).toMatchObject({ ok: false, status: 404, code: 'SESSION_NOT_FOUND' });
    expect(await client.create({ package_id: '00000000-0000-4000-8000-0000000000ff' })).toMatchObject({ ok: false, status: 404, code: 'PACKAGE_NOT_FOUND' });
  });

  it('tells the app when the token stops being accepted', async () => {
    const f = await createApiFixture();
    const calls: string[] = [];
    const stale = createVrSessionsClient(f.api, 'f'.repeat(64), { onUnauthorized: () => calls.push('unauthorized') });
    expect(await stale.list()).toMatchObject({ ok: false, status: 401, code: 'UNAUTHORIZED' });

    const token = await f.token(ALICE);
    await f.db.learners.delete(ALICE);
    const removed = createVrSessionsClient(f.api, token, { onUnauthorized: () => calls.push('removed') });
    expect(await removed.list()).toMatchObject({ ok: false, status: 404, code: 'PROFILE_NOT_FOUND' });
    expect(calls).toEqual(['unauthorized', 'removed']);
  });

  it('never throws: a failing handler or an unexpected body is a failure value', async () => {
    const throwing: LocalApi = () => Promise.reject(new Error('IndexedDB is gone'));
    expect(await createVrSessionsClient(throwing, 'token').list()).toEqual({ ok: false, status: 0, code: 'UNREACHABLE', message: 'IndexedDB is gone', details: [] });

    const html: LocalApi = async () => new Response('<h1>oops</h1>', { status: 200 });
    expect(await createVrSessionsClient(html, 'token').list()).toMatchObject({ ok: false, status: 200, code: 'BAD_RESPONSE' });

    const wrongShape: LocalApi = async () => Response.json({ sessions: [{ id: 1 }] });
    expect(await createVrSessionsClient(wrongShape, 'token').list()).toMatchObject({ ok: false, code: 'BAD_RESPONSE' });

    const uncoded: LocalApi = async () => Response.json({ error: 'Not found' }, { status: 404 });
    expect(await createVrSessionsClient(uncoded, 'token').list()).toMatchObject({ ok: false, status: 404, code: 'BAD_RESPONSE' });
  });

  it('sends the Bearer token, JSON bodies and an encoded session id', async () => {
    const seen: Request[] = [];
    const recorder: LocalApi = async (request) => {
      seen.push(request.clone());
      return Response.json({ error: 'x', code: 'SESSION_NOT_FOUND' }, { status: 404 });
    };
    await createVrSessionsClient(recorder, 'abc').complete('a/b', { score: 1 });
    const [request] = seen;
    expect(request?.url).toBe('http://outpost.local/api/vr-sessions/a%2Fb/complete');
    expect(request?.headers.get('authorization')).toBe('Bearer abc');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({ score: 1 });
  });
});
