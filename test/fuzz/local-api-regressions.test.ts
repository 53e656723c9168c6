import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../shared/json/json-depth';
import { MAX_BODY_BYTES, readBoundedText } from '../../renderer/src/local-server/read-json-body';
import { createFuzzWorld, snapshot, expectUnchanged, send } from './local-api-harness';

/** Cases the fuzz found, kept as plain examples so they fail by name if they come back. */
describe('local API: what the fuzz found', () => {
  it('an undecodable session cookie (outpost_session=%ZZ) is no credential: 401, not a 500', async () => {
    const world = await createFuzzWorld();
    for (const cookie of ['outpost_session=%ZZ', 'outpost_session=%', `outpost_session=${world.tokens.alice}%E0%A4%A`]) {
      for (const path of ['/api/vr-sessions', '/api/v1/sessions', `/api/lesson-plays?clientId=x`, '/api/logger/attemptlog']) {
        const answer = await send(world, { method: 'GET', path, headers: { cookie }, instructorSignedIn: false });
        expect(answer.status, `${path} with ${cookie}`).toBe(401);
      }
    }
  });

  it('a body nested thousands of levels deep is 400 and stores nothing (it overflowed the stack: 500, or a record no clone could copy)', async () => {
    const world = await createFuzzWorld();
    const before = await snapshot(world);
    const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const put = (extra: string) =>
      send(world, {
        method: 'PUT',
        path: `/api/logger/contentsession/${world.ids.aliceContentSession}`,
        headers: { authorization: `Bearer ${world.tokens.alice}`, 'content-type': 'application/json' },
        body: `{"progress":0.5,"extra_fields":${extra}}`,
        instructorSignedIn: false,
      });
    for (const depth of [MAX_JSON_DEPTH, 2_000, 100_000]) {
      const answer = await put(deep(depth));
      expect(answer.status, `depth ${depth}`).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    expectUnchanged(before, await snapshot(world), 'deep bodies');
    expect((await put(deep(MAX_JSON_DEPTH - 2))).status).toBe(200);

    const play = await send(world, {
      method: 'PUT',
      path: `/api/lesson-plays/${world.ids.alicePlay}/results`,
      headers: { authorization: `Bearer ${world.tokens.alice}` },
      body: `{"sessions":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      instructorSignedIn: false,
    });
    expect(play).toMatchObject({ status: 400, body: { error: 'Invalid JSON body' } });
  });

  it('a body over the size bound is 400 and stores nothing, read no further than the bound', async () => {
    const world = await createFuzzWorld();
    const before = await snapshot(world);
    const huge = `{"progress":0.5,"extra_fields":{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}}`;
    const put = await send(world, {
      method: 'PUT',
      path: `/api/logger/contentsession/${world.ids.aliceContentSession}`,
      headers: { authorization: `Bearer ${world.tokens.alice}`, 'content-type': 'application/json' },
      body: huge,
      instructorSignedIn: false,
    });
    expect(put).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    const play = await send(world, {
      method: 'PATCH',
      path: `/api/lesson-plays/${world.ids.alicePlay}`,
      headers: { authorization: `Bearer ${world.tokens.alice}` },
      body: `{"returnUrl":"https://example.org/${'x'.repeat(MAX_BODY_BYTES)}"}`,
      instructorSignedIn: false,
    });
    // The seed's PATCH answers any unusable body with this message.
    expect(play).toMatchObject({ status: 400, body: { error: 'No valid fields to update' } });
    expectUnchanged(before, await snapshot(world), 'oversized bodies');
    // A stream without Content-Length is cut as soon as it passes the bound: the rest is never pulled.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://outpost.local/x', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(await readBoundedText(request, 1024 * 1024)).toBeNull();
    expect(pulled).toBeLessThan(40);
  });

  it('counts depth in one pass, ignoring brackets inside strings and escaped quotes', () => {
    expect(nestedDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestedDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestedDeeperThan('{"a":"[[[[[[","b":"\\"[[[["}', 1)).toBe(false);
    expect(nestedDeeperThan('[{}, {}, [], []]', 2)).toBe(false);
    const started = performance.now();
    expect(nestedDeeperThan(`"${'['.repeat(5_000_000)}"`, 64)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
