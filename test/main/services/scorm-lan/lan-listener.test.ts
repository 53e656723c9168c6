import { afterEach, describe, expect, it } from 'vitest';
import { LAN_LIMITS, lanDownAnswerSchema, lanPageConfigSchema } from '../../../../shared/scorm/lan-wire';
import type { LanPageConfig } from '../../../../shared/scorm/lan-wire';
import { HOST_PAGE_CSP } from '../../../../main/services/scorm-lan/lan-pages';
import { call, HANDLE, lanHarness, pageConfig } from './lan-harness';
import type { LanHarness } from './lan-harness';

let h: LanHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const KIOSK_LEARNER = 'kiosk-learner-1';

/** A harness listening on 127.0.0.1 whose window attached and answers launches with session `sid`. */
async function listening(sid = 'sess-1', options: Parameters<typeof lanHarness>[0] = {}) {
  h = await lanHarness(options);
  const harness = h;
  harness.lan.attach('window-0001');
  harness.respond = (request) => {
    if (request.kind === 'launch') return { status: 200, body: { session_id: sid, package_id: harness.packageId, learner_id: KIOSK_LEARNER } };
    if (request.kind === 'up') return { status: 200, body: { ok: true } };
    return null;
  };
  const status = await harness.lan.configure({ enabled: true });
  expect(status.listening).toBe(true);
  return { h: harness, port: status.port };
}

/** Launch through the dispatch link and load the host page: the sitting's config. */
async function launched(port: number, sid = 'sess-1'): Promise<{ config: LanPageConfig; token: string }> {
  const redirect = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7&learner_name=Ada%20L.`);
  expect(redirect.status).toBe(302);
  const location = String(redirect.headers.location);
  expect(location).toMatch(new RegExp(`^/lan/${sid}/play/\\?token=`));
  const page = await call(port, 'GET', location);
  expect(page.status).toBe(200);
  const config = lanPageConfigSchema.parse(pageConfig(page.body));
  return { config, token: new URL(location, 'http://x').searchParams.get('token') ?? '' };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('the LAN listener: launch, host page, course host', () => {
  it('a dispatch link launches a sitting: 302 to the host page, which carries its config; the shell and the course come from the course host', async () => {
    const { h, port } = await listening();
    const { config, token } = await launched(port);
    const launch = h.relayed.find((r) => r.kind === 'launch');
    expect(launch).toMatchObject({ kind: 'launch', handle: HANDLE, learner_id: 'lms-7', learner_name: 'Ada L.', responder: 'window-0001' });
    expect(config.session_id).toBe('sess-1');
    expect(config.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(config.shell_url).toBe(`../player/sess-1?token=${encodeURIComponent(token)}`);
    // The token is the course host's own kind, for this sitting's course and the kiosk learner's key.
    const claims = h.scorm.signer.verify(token);
    expect(claims).toMatchObject({ sid: 'sess-1', pkg: h.packageId, uk: h.scorm.signer.learnerKey(KIOSK_LEARNER) });
    expect((claims?.exp ?? 0) * 1000 - h.clock.getTime()).toBe(900_000);

    const page = await call(port, 'GET', `/lan/sess-1/play/?token=${token}`);
    expect(page.headers['content-security-policy']).toBe(HOST_PAGE_CSP);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    // The shell, resolved from the page's URL, through the course host: frameable by any ancestor (the LMS).
    const shellPath = new URL(config.shell_url, `http://127.0.0.1:${port}/lan/sess-1/play/`).pathname + new URL(config.shell_url, 'http://x/a/b/').search;
    expect(shellPath).toBe(`/lan/sess-1/player/sess-1?token=${encodeURIComponent(token)}`);
    const shell = await call(port, 'GET', shellPath);
    expect(shell.status).toBe(200);
    expect(shell.body).toContain('outpost-player');
    expect(shell.body).toContain(`&#34;appOrigins&#34;:[&#34;http://127.0.0.1:${port}&#34;]`);
    expect(String(shell.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(String(shell.headers['content-security-policy'])).toContain("connect-src 'none'");

    const course = await call(port, 'GET', '/lan/sess-1/content/sco/probe.html');
    expect(course.status).toBe(200);
    expect(String(course.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(String(course.headers['content-security-policy'])).toContain("connect-src 'self'");
    const ranged = await call(port, 'GET', '/lan/sess-1/content/sco/probe.js', { headers: { range: 'bytes=0-9' } });
    expect(ranged.status).toBe(206);
    expect(ranged.body).toHaveLength(10);
    expect((await call(port, 'HEAD', '/lan/sess-1/assets/lan.js')).status).toBe(200);
    expect((await call(port, 'GET', '/lan/sess-1/content/../../scorm-launch.key')).status).toBe(404);
    expect((await call(port, 'GET', '/lan/sess-1/content/%2e%2e/course.json')).status).toBe(404);
  });

  it('refuses a bad token, an unknown sitting, a token for another sitting, and an expired token', async () => {
    const { h, port } = await listening();
    const { token } = await launched(port);
    const forged = `${token.slice(0, -2)}xx`;
    for (const path of [`/lan/sess-1/play/?token=${forged}`, '/lan/sess-1/play/', `/lan/sess-1/player/sess-1?token=${forged}`]) {
      const refused = await call(port, 'GET', path);
      expect(refused.status, path).toBe(401);
      expect(refused.body).toContain('Launch link unavailable');
    }
    for (const path of [`/lan/sess-2/play/?token=${token}`]) expect((await call(port, 'GET', path)).status, path).toBe(401);
    for (const path of [`/lan/sess-2/player/sess-1?token=${token}`, '/lan/sess-2/content/sco/probe.html', '/lan/sess-2/assets/lan.js', '/lan/..%2f/play/', '/nothing', '/lan/sess-1/other']) {
      expect((await call(port, 'GET', path)).status, path).toBe(404);
    }
    expect((await call(port, 'DELETE', '/lan/sess-1/content/sco/probe.html')).status).toBe(405);
    expect((await call(port, 'POST', `/player/dispatch/${HANDLE}?learner_id=x`)).status).toBe(405);
    h.advance(901_000);
    expect((await call(port, 'GET', `/lan/sess-1/play/?token=${token}`)).status).toBe(401);
  });

  it('dispatch: a malformed handle, a missing learner_id, no kiosk window, a refused or strange answer each say so', async () => {
    const { h, port } = await listening('sess-9', { timing: { answerTimeoutMs: 150 } });
    const unavailable = await call(port, 'GET', '/player/dispatch/dsp_nothex?learner_id=x');
    expect(unavailable.status).toBe(404);
    expect(unavailable.body).toContain('Launch link unavailable');
    expect(unavailable.headers['content-type']).toContain('text/html');
    for (const query of ['', '?learner_name=Ada', '?learner_id=', `?learner_id=${'x'.repeat(129)}`, '?learner_id=a%0Ab']) {
      const refused = await call(port, 'GET', `/player/dispatch/${HANDLE}${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body).toContain('learner_id');
    }
    expect(h.relayed).toEqual([]);

    h.respond = () => ({ status: 404, body: { code: 'DISPATCH_NOT_FOUND' } });
    const revoked = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`);
    expect(revoked.status).toBe(404);
    expect(revoked.body).toContain('Launch link unavailable');

    h.respond = () => ({ status: 200, body: { session_id: '../evil', package_id: h.packageId, learner_id: 'k' } });
    expect((await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`)).status).toBe(502);
    h.respond = () => ({ status: 200, body: { session_id: 's', package_id: h.packageId, learner_id: 'k', extra: 1 } });
    expect((await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`)).status).toBe(502);

    h.respond = () => null;
    const silent = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`);
    expect(silent.status).toBe(503);
    expect(silent.body).toContain('not open or not answering');

    h.advance(60_000); // the window's lease ran out
    const before = h.relayed.length;
    expect((await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`)).status).toBe(503);
    expect(h.relayed.length).toBe(before);
    expect(h.lan.sittings.size).toBe(0);
  });

  it('a name too long is cut, control characters dropped; a relaunch of the same session replaces the sitting and closes the old one', async () => {
    const { h, port } = await listening();
    const first = await launched(port);
    const waiting = call(port, 'GET', '/lan/sess-1/down?after=0', { headers: bearer(first.config.secret) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7&learner_name=${encodeURIComponent(`A\u0007${'b'.repeat(300)}`)}`);
    expect(second.status).toBe(302);
    expect(h.relayed.at(-1)).toMatchObject({ kind: 'launch', learner_name: `A${'b'.repeat(199)}` });
    expect(lanDownAnswerSchema.parse(JSON.parse((await waiting).body))).toEqual({ messages: [], closed: true });
    // The old page's secret now learns the sitting is over; the new sitting has its own.
    expect(JSON.parse((await call(port, 'GET', '/lan/sess-1/down?after=0', { headers: bearer(first.config.secret) })).body)).toEqual({ messages: [], closed: true });
    expect((await call(port, 'POST', '/lan/sess-1/up', { headers: bearer(first.config.secret), body: '{"messages":[]}' })).status).toBe(410);
    expect(h.lan.sittings.size).toBe(1);
    expect(h.lan.sittings.get('sess-1')?.secret).not.toBe(first.config.secret);
    expect(h.relayed.filter((r) => r.kind === 'close')).toEqual([]);
  });

  it('answers 503 for the host page until the renderer build has one', async () => {
    const { port } = await listening('sess-1', { hostPage: false });
    const redirect = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-7`);
    const page = await call(port, 'GET', String(redirect.headers.location));
    expect(page.status).toBe(503);
  });
});

describe('the LAN listener: up and down', () => {
  it('up relays the page messages to the window; 401 without the secret, 404 unknown sitting, 413 too large, 400 bad JSON or shape, 503 no window', async () => {
    const { h, port } = await listening();
    const { config } = await launched(port);
    const messages = [{ channel: 'outpost-player', type: 'ready', session_id: 'sess-1', recovered: [] }, { channel: 'outpost-lan', type: 'step', delta: 1 }];
    const ok = await call(port, 'POST', '/lan/sess-1/up', { headers: { ...bearer(config.secret), 'content-type': 'application/json' }, body: JSON.stringify({ messages }) });
    expect(ok.status).toBe(204);
    expect(h.relayed.at(-1)).toMatchObject({ kind: 'up', session_id: 'sess-1', messages });

    const body = JSON.stringify({ messages: [] });
    expect((await call(port, 'POST', '/lan/sess-1/up', { body })).status).toBe(401);
    expect((await call(port, 'POST', '/lan/sess-1/up', { headers: bearer('x'.repeat(32)), body })).status).toBe(401);
    expect((await call(port, 'POST', '/lan/sess-1/up', { headers: { authorization: `Basic ${config.secret}` }, body })).status).toBe(401);
    expect((await call(port, 'POST', '/lan/sess-2/up', { headers: bearer(config.secret), body })).status).toBe(404);
    expect((await call(port, 'GET', '/lan/sess-1/up', { headers: bearer(config.secret) })).status).toBe(405);

    const declared = await call(port, 'POST', '/lan/sess-1/up', { headers: { ...bearer(config.secret), 'content-length': String(LAN_LIMITS.maxUpBytes + 1) } });
    expect(declared.status).toBe(413);
    // Without a declared length the body is read up to the bound and dropped there: the client gets the 413,
    // or a reset if it is still writing when the server stops reading; either way nothing reaches the window.
    const relayedBefore = h.relayed.length;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const streamed = await call(port, 'POST', '/lan/sess-1/up', { headers: { ...bearer(config.secret), 'transfer-encoding': 'chunked' }, body: Array.from({ length: 7 }, () => chunk) }).catch((error: NodeJS.ErrnoException) => ({ status: error.code }));
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed.status);
    expect(h.relayed.length).toBe(relayedBefore);
    for (const bad of ['{', 'null', '[]', '{"messages":{}}', JSON.stringify({ messages: Array.from({ length: 65 }, () => ({})) }), JSON.stringify({ messages: [], more: 1 }), `{"messages":[${'['.repeat(100)}${']'.repeat(100)}]}`]) {
      const refused = await call(port, 'POST', '/lan/sess-1/up', { headers: bearer(config.secret), body: bad });
      expect(refused.status, bad.slice(0, 30)).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'BAD_REQUEST' });
    }

    h.respond = () => ({ status: 409, body: { code: 'STALE', error: 'reload' } });
    const conflict = await call(port, 'POST', '/lan/sess-1/up', { headers: bearer(config.secret), body });
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.body)).toEqual({ code: 'STALE', error: 'reload' });

    h.advance(60_000); // lease over; the sitting is still within its idle time only if seen: touch it
    const gone = await call(port, 'POST', '/lan/sess-1/up', { headers: bearer(config.secret), body });
    expect(gone.status).toBe(503);
    expect(JSON.parse(gone.body)).toMatchObject({ code: 'KIOSK_UNAVAILABLE' });
  });

  it('down gives delivered messages in order, waits for the next one, acknowledges, and resets after an overflow', async () => {
    const { h, port } = await listening('sess-1', { timing: { pollWaitMs: 400 } });
    const { config } = await launched(port);
    const down = async (after: number) => {
      const reply = await call(port, 'GET', `/lan/sess-1/down?after=${after}`, { headers: bearer(config.secret) });
      expect(reply.status).toBe(200);
      return lanDownAnswerSchema.parse(JSON.parse(reply.body));
    };
    expect(h.lan.deliver({ session_id: 'sess-1', messages: [{ i: 1 }, { i: 2 }, { i: 3 }] })).toEqual({ accepted: true });
    expect(await down(0)).toEqual({ messages: [{ n: 1, message: { i: 1 } }, { n: 2, message: { i: 2 } }, { n: 3, message: { i: 3 } }] });
    // Not acknowledged yet: asked again from 1, 2 and 3 come again.
    expect((await down(1)).messages.map((m) => m.n)).toEqual([2, 3]);

    // Nothing new: the poll waits, and answers as soon as something arrives.
    const started = Date.now();
    const waiting = down(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.lan.sittings.get('sess-1')?.mailbox.size).toBe(0);
    h.lan.deliver({ session_id: 'sess-1', messages: [{ i: 4 }] });
    expect(await waiting).toEqual({ messages: [{ n: 4, message: { i: 4 } }] });
    expect(Date.now() - started).toBeLessThan(380);

    // Nothing at all: an empty list after the wait.
    const idleStart = Date.now();
    expect(await down(4)).toEqual({ messages: [] });
    expect(Date.now() - idleStart).toBeGreaterThanOrEqual(380);

    // Overflow: the oldest go and the answer says reset.
    for (let i = 0; i < 5; i += 1) h.lan.deliver({ session_id: 'sess-1', messages: Array.from({ length: 60 }, (_v, k) => ({ i: 5 + i * 60 + k })) });
    const overflowed = await down(4);
    expect(overflowed.reset).toBe(true);
    expect(overflowed.messages).toHaveLength(LAN_LIMITS.mailboxMaxMessages);
    expect(overflowed.messages[0]?.n).toBe(305 - LAN_LIMITS.mailboxMaxMessages);
    expect(overflowed.messages.at(-1)?.n).toBe(304);
    expect((await down(304)).reset).toBeUndefined();

    for (const bad of ['-1', 'x', '1.5', '9'.repeat(16)]) expect((await call(port, 'GET', `/lan/sess-1/down?after=${bad}`, { headers: bearer(config.secret) })).status, bad).toBe(400);
    expect((await call(port, 'GET', '/lan/sess-1/down?after=0')).status).toBe(401);
    expect((await call(port, 'GET', '/lan/sess-3/down?after=0', { headers: bearer(config.secret) })).status).toBe(404);
    expect(h.lan.deliver({ session_id: 'sess-3', messages: [{ i: 1 }] })).toEqual({ accepted: false });
  });

  it('a waiting poll learns the sitting closed: by the idle sweeper (which tells the window) and when the listener stops', async () => {
    const { h, port } = await listening('sess-1', { timing: { pollWaitMs: 5_000, sittingIdleMs: 1_000, sweepIntervalMs: 20 } });
    const { config } = await launched(port);
    h.advance(500);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(h.lan.sittings.size).toBe(1); // seen 500 ms ago: not idle
    const waiting = call(port, 'GET', '/lan/sess-1/down?after=0', { headers: bearer(config.secret) });
    await new Promise((resolve) => setTimeout(resolve, 60));
    h.advance(1_001);
    expect(JSON.parse((await waiting).body)).toEqual({ messages: [], closed: true });
    expect(h.relayed.filter((r) => r.kind === 'close')).toMatchObject([{ kind: 'close', session_id: 'sess-1', responder: 'window-0001' }]);
    expect(h.lan.deliver({ session_id: 'sess-1', messages: [{ late: true }] })).toEqual({ accepted: false });

    // Another sitting, then sharing is turned off: its waiting poll is told, the window too, the port closes.
    h.respond = (request) => (request.kind === 'launch' ? { status: 200, body: { session_id: 'sess-2', package_id: h.packageId, learner_id: 'k2' } } : null);
    h.lan.attach('window-0001');
    const redirect = await call(port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-8`);
    const second = lanPageConfigSchema.parse(pageConfig((await call(port, 'GET', String(redirect.headers.location))).body));
    const polling = call(port, 'GET', '/lan/sess-2/down?after=0', { headers: bearer(second.secret) });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const off = await h.lan.configure({ enabled: false });
    expect(off).toMatchObject({ enabled: false, listening: false, origins: [], error: null });
    expect(JSON.parse((await polling).body)).toEqual({ messages: [], closed: true });
    expect(h.relayed.filter((r) => r.kind === 'close').map((r) => r.kind === 'close' && r.session_id)).toEqual(['sess-1', 'sess-2']);
    await expect(call(port, 'GET', '/')).rejects.toThrow();
  });
});
