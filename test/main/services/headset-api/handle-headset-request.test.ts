import { describe, expect, it } from 'vitest';
import { handleHeadsetRequest } from '../../../../main/services/headset-api/handle-headset-request';
import type { IncomingHeadsetRequest } from '../../../../main/services/headset-api/handle-headset-request';
import { LaunchTokens } from '../../../../main/services/headset-api/launch-tokens';
import { RateLimiter } from '../../../../main/services/headset-api/rate-limit';
import { RendererRelay } from '../../../../main/services/headset-api/renderer-relay';
import type { HeadsetApiRequest } from '../../../../shared/headset-api/headset-api-relay';

const SESSION = '5e55e55e-0000-4000-8000-000000000001';
const PORT = 4711;

function setup(options: { answerTimeoutMs?: number } = {}) {
  let now = 1_000_000;
  const emitted: HeadsetApiRequest[] = [];
  const relay = new RendererRelay({ emit: (r) => emitted.push(r), nowMs: () => now, answerTimeoutMs: options.answerTimeoutMs ?? 50 });
  const tokens = new LaunchTokens(() => now, 60_000);
  const token = tokens.mint('SERIAL-1', SESSION);
  const ended: string[] = [];
  const deps = { port: PORT, tokens, relay, limiter: new RateLimiter(() => now), bodyMaxBytes: 8192, onSessionEnded: (id: string) => ended.push(id) };
  const request = (overrides: Partial<IncomingHeadsetRequest> = {}): IncomingHeadsetRequest => ({
    method: 'POST',
    url: `/headset/v1/sessions/${SESSION}/complete`,
    host: `127.0.0.1:${PORT}`,
    origin: undefined,
    authorization: `Outpost-Headset ${token}`,
    contentType: 'application/json',
    readBody: async () => ({ ok: true, text: '{"score":{"raw":3,"max":4}}' }),
    ...overrides,
  });
  return { deps, relay, tokens, token, emitted, ended, request, advance: (ms: number) => (now += ms) };
}

describe('handleHeadsetRequest', () => {
  it('answers 503 KIOSK_UNAVAILABLE with Retry-After when no window holds a lease, and after the lease ran out', async () => {
    const h = setup();
    expect(await handleHeadsetRequest(h.request(), h.deps)).toMatchObject({ status: 503, body: { code: 'KIOSK_UNAVAILABLE' }, retryAfterSeconds: 5 });
    h.relay.attach('window-a');
    h.advance(h.relay.leaseMs + 1);
    expect(await handleHeadsetRequest(h.request(), h.deps)).toMatchObject({ status: 503 });
    expect(h.emitted).toHaveLength(0);
  });

  it('relays to the newest window, returns its answer, ends the session when told, and ignores a late duplicate', async () => {
    const h = setup();
    h.relay.attach('window-a');
    h.relay.attach('window-b');
    const pending = handleHeadsetRequest(h.request(), h.deps);
    await expect.poll(() => h.emitted.length).toBe(1);
    const sent = h.emitted[0]!;
    expect(sent).toMatchObject({ responder: 'window-b', serial: 'SERIAL-1', session_id: SESSION, action: 'complete', body: { score: { raw: 3, max: 4 } } });
    expect(h.relay.respond({ id: sent.id, status: 200, body: { message: 'ok' }, session_ended: true })).toBe(true);
    expect(await pending).toEqual({ status: 200, body: { message: 'ok' } });
    expect(h.ended).toEqual([SESSION]);
    expect(h.relay.respond({ id: sent.id, status: 500, body: {} })).toBe(false);
  });

  it('answers 504 KIOSK_TIMEOUT when the window does not answer in time', async () => {
    const h = setup({ answerTimeoutMs: 20 });
    h.relay.attach('window-a');
    expect(await handleHeadsetRequest(h.request(), h.deps)).toMatchObject({ status: 504, body: { code: 'KIOSK_TIMEOUT' } });
  });

  it('refuses before the renderer sees anything: host, origin, scheme, expired token, another session, rate', async () => {
    const h = setup();
    h.relay.attach('window-a');
    const other = '5e55e55e-0000-4000-8000-000000000002';
    const cases: Array<[Partial<IncomingHeadsetRequest>, number, string]> = [
      [{ host: 'evil.example:4711' }, 421, 'BAD_HOST'],
      [{ origin: 'http://127.0.0.1:4711' }, 403, 'FORBIDDEN_ORIGIN'],
      [{ authorization: `Bearer ${h.token}` }, 401, 'UNAUTHORIZED'],
      [{ url: `/headset/v1/sessions/${other}/complete` }, 404, 'SESSION_NOT_FOUND'],
      [{ url: `/headset/v1/sessions/${SESSION}/create` }, 404, 'NOT_FOUND'],
      [{ contentType: 'text/plain' }, 400, 'VALIDATION_ERROR'],
      [{ readBody: async () => ({ ok: false, reason: 'too_large' }) }, 413, 'TOO_LARGE'],
    ];
    for (const [overrides, status, code] of cases) expect(await handleHeadsetRequest(h.request(overrides), h.deps), code).toMatchObject({ status, body: { code } });
    expect(h.emitted).toHaveLength(0);
    h.advance(61_000);
    expect(await handleHeadsetRequest(h.request(), h.deps)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });

  it('slows a looping app to its rate with 429 and Retry-After', async () => {
    const h = setup();
    const statuses: number[] = [];
    // Refused by Content-Type after the rate check, so nothing waits on a window.
    for (let i = 0; i < 12; i++) statuses.push((await handleHeadsetRequest(h.request({ contentType: 'text/plain' }), h.deps)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
  });
});
