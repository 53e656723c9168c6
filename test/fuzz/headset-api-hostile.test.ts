import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleHeadsetRequest } from '../../main/services/headset-api/handle-headset-request';
import type { IncomingHeadsetRequest } from '../../main/services/headset-api/handle-headset-request';
import { LaunchTokens } from '../../main/services/headset-api/launch-tokens';
import { RateLimiter } from '../../main/services/headset-api/rate-limit';
import { RendererRelay } from '../../main/services/headset-api/renderer-relay';
import { HEADSET_BODY_MAX_BYTES, HEADSET_BODY_SCHEMAS } from '../../shared/headset-api/headset-api-wire';
import type { HeadsetAction } from '../../shared/headset-api/headset-api-wire';
import type { HeadsetApiRequest } from '../../shared/headset-api/headset-api-relay';
import { fuzzParams } from './local-api-harness';

/**
 * A hostile app on a headset, calling the kiosk's headset API (docs/api/headset-api.md) with anything at
 * all: the answer is always one of the documented refusals or the kiosk's answer, never an exception, and
 * the kiosk window (the renderer) is only ever handed a body that passed its action's schema, for the
 * token's own session.
 */
const SESSION = '5e55e55e-0000-4000-8000-000000000001';
const OTHER = '5e55e55e-0000-4000-8000-000000000002';
const PORT = 4711;
const KNOWN_STATUSES = [200, 400, 401, 403, 404, 405, 413, 421, 429, 503, 504];

describe('fuzz: headset API requests (main/services/headset-api)', () => {
  it('answers anything with a documented status and code, and hands the kiosk only valid bodies for the own session', async () => {
    let now = 1_000_000;
    const emitted: HeadsetApiRequest[] = [];
    // The kiosk window answers every relayed request at once.
    const relay: RendererRelay = new RendererRelay({
      emit: (request) => {
        emitted.push(request);
        queueMicrotask(() => relay.respond({ id: request.id, status: 200, body: { message: 'recorded' } }));
      },
      nowMs: () => now,
      answerTimeoutMs: 1_000,
    });
    const tokens = new LaunchTokens(() => now, 10 * 3_600_000);
    const token = tokens.mint('SERIAL-1', SESSION);
    const otherToken = tokens.mint('SERIAL-2', OTHER);
    const deps = { port: PORT, tokens, relay, limiter: new RateLimiter(() => now), bodyMaxBytes: HEADSET_BODY_MAX_BYTES, onSessionEnded: () => undefined };

    const valid: Record<HeadsetAction, unknown[]> = {
      progress: [{ progress: 0.5 }, { progress: 0 }, { progress: 1 }],
      complete: [{}, { score: { raw: 3, max: 4 } }, { time_spent_seconds: 600 }],
      events: [{ verb: 'progressed', object: 'level-1', result: { progress: 0.2 } }, { verb: 'paused' }],
    };
    const action = fc.constantFrom<HeadsetAction>('progress', 'complete', 'events');
    const body = (a: HeadsetAction) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...valid[a]).map((v) => JSON.stringify(v)) },
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...valid[a]), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([v, k, x]) => JSON.stringify({ ...(v as object), [k]: x })) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
        { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`) },
        { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '1e400', '{"progress":NaN}', '{"__proto__":{"progress":1}}') },
      );
    const request = action.chain((a) =>
      fc.record({
        action: fc.constant(a),
        method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'post', undefined) }),
        url: fc.oneof(
          { weight: 8, arbitrary: fc.constant(`/headset/v1/sessions/${SESSION}/${a}`) },
          { weight: 1, arbitrary: fc.constantFrom(`/headset/v1/sessions/${OTHER}/${a}`, `/headset/v1/sessions/${SESSION}/${a}?x=1`, `/headset/v1/sessions/${SESSION.toUpperCase()}/${a}`, `/headset/v1/sessions/${SESSION}/../${OTHER}/${a}`, `/headset/v1/sessions/${SESSION}%2F${a}`, '/', undefined, `/headset/v1/sessions/${SESSION}/${a}/${'x'.repeat(300)}`) },
          { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
        ),
        host: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(`127.0.0.1:${PORT}`, `localhost:${PORT}`) }, { weight: 1, arbitrary: fc.constantFrom(`evil.example:${PORT}`, `127.0.0.1:${PORT + 1}`, '127.0.0.1', undefined, `LOCALHOST:${PORT}`) }),
        origin: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('null', 'http://127.0.0.1', '') }),
        authorization: fc.oneof(
          { weight: 8, arbitrary: fc.constant(`Outpost-Headset ${token}`) },
          { weight: 1, arbitrary: fc.constantFrom(`Outpost-Headset ${otherToken}`, `Bearer ${token}`, `outpost-headset ${token}`, `Outpost-Headset  ${token} `, 'Outpost-Headset', `Outpost-Headset ${token.slice(1)}`, undefined, `Outpost-Headset ${'a'.repeat(300)}`) },
          { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
        ),
        contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/jsonx', undefined) }),
        body: body(a),
        cut: fc.oneof({ weight: 12, arbitrary: fc.constant<null>(null) }, { weight: 1, arbitrary: fc.constantFrom<'too_large' | 'aborted'>('too_large', 'aborted') }),
      }),
    );

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        now += 1_000; // past the rate limit's refill, so the checks after it are reached too
        const before = emitted.length;
        let bodyRead = false;
        const incoming: IncomingHeadsetRequest = {
          method: r.method,
          url: r.url,
          host: r.host,
          origin: r.origin,
          authorization: r.authorization,
          contentType: r.contentType,
          readBody: async () => {
            bodyRead = true;
            return r.cut === null ? { ok: true, text: r.body } : { ok: false, reason: r.cut };
          },
        };
        relay.attach('window-a');
        const answer = await handleHeadsetRequest(incoming, deps);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(KNOWN_STATUSES).toContain(answer.status);
        if (answer.status >= 400) expect(answer.body).toMatchObject({ error: expect.any(String), code: expect.stringMatching(/^[A-Z_]+$/) });
        const authenticated = r.authorization === `Outpost-Headset ${token}` || r.authorization === `Outpost-Headset  ${token} `;
        if (!authenticated) expect(bodyRead, 'the body was read before the caller was known').toBe(false);
        for (const sent of emitted.slice(before)) {
          expect(sent.session_id).toBe(SESSION);
          expect(HEADSET_BODY_SCHEMAS[sent.action].safeParse(sent.body).success).toBe(true);
        }
        if (emitted.length > before) expect(answer.status).toBe(200);
      }),
      fuzzParams(800),
    );
    expect(statuses.get(200) ?? 0, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0);
  });
});
