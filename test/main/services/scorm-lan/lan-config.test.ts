import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAN_LIMITS, scormLanStatusSchema } from '../../../../shared/scorm/lan-wire';
import type { ScormLanRequest } from '../../../../shared/scorm/lan-wire';
import { LanRelay } from '../../../../main/services/scorm-lan/lan-relay';
import { call, fakeNetwork, lanHarness } from './lan-harness';
import type { LanHarness } from './lan-harness';

let h: LanHarness | null = null;
let blocker: Server | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = null;
});

describe('LAN sharing: settings, status, Host guard', () => {
  it('is off by default; turning it on listens, is kept in the data folder, and resumes after a restart', async () => {
    h = await lanHarness();
    expect(await h.lan.status()).toEqual({ enabled: false, port: LAN_LIMITS.defaultPort, listening: false, origins: [], error: null });
    const on = scormLanStatusSchema.parse(await h.lan.configure({ enabled: true, port: 47_999 }));
    expect(on).toMatchObject({ enabled: true, listening: true, origins: [`http://127.0.0.1:${on.port}`], error: null });
    expect(JSON.parse(await readFile(join(h.dir, 'data', 'scorm-lan.json'), 'utf8'))).toEqual({ enabled: true, port: 47_999 });
    await h.lan.stop();
    expect((await h.lan.status()).listening).toBe(false);
    const resumed = await h.lan.resume();
    expect(resumed).toMatchObject({ enabled: true, listening: true });
    expect((await call(resumed.port, 'GET', '/nothing')).status).toBe(404);
  });

  it('status names each LAN IPv4 address, then <hostname>.local, at the bound port', async () => {
    h = await lanHarness({ bind: { port: 0 }, network: fakeNetwork(['10.1.2.3', '192.168.4.20'], 'kiosk-7') });
    const on = await h.lan.configure({ enabled: true });
    expect(on.origins).toEqual([`http://10.1.2.3:${on.port}`, `http://192.168.4.20:${on.port}`, `http://kiosk-7.local:${on.port}`]);
  });

  it('answers only to Hosts that name this machine and the listener port (421 otherwise, 400 without one)', async () => {
    h = await lanHarness({ bind: { host: '127.0.0.1', port: 0 }, network: fakeNetwork(['10.1.2.3'], 'Kiosk-7') });
    const { port } = await h.lan.configure({ enabled: true });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `10.1.2.3:${port}`, `kiosk-7:${port}`, `KIOSK-7.local:${port}`]) {
      expect((await call(port, 'GET', '/nothing', { host })).status, host).toBe(404);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `10.1.2.3:${port + 1}`, '10.1.2.3', `10.1.2.4:${port}`, `kiosk-7.local.evil:${port}`, `127.0.0.1:${port}@evil`]) {
      const refused = await call(port, 'GET', '/player/dispatch/dsp_x', { host });
      expect(refused.status, host).toBe(421);
      expect(refused.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(refused.headers['cache-control']).toBe('no-store');
    }
    expect((await call(port, 'GET', '/nothing', { host: null })).status).toBe(400);
    expect(h.relayed).toEqual([]);
  });

  it('a busy port: not listening, PORT_IN_USE, still enabled; another port then works; turning off clears the error', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', () => resolve()));
    const busy = (blocker.address() as { port: number }).port;
    h = await lanHarness({ bind: { host: '127.0.0.1' } });
    expect(await h.lan.configure({ enabled: true, port: busy })).toEqual({ enabled: true, port: busy, listening: false, origins: [], error: 'PORT_IN_USE' });
    expect(await h.lan.status()).toMatchObject({ listening: false, error: 'PORT_IN_USE' });
    const moved = await h.lan.configure({ enabled: true, port: busy === 47_998 ? 47_997 : 47_998 });
    expect(moved).toMatchObject({ listening: true, error: null });
    expect(await h.lan.configure({ enabled: false })).toMatchObject({ enabled: false, listening: false, error: null });
  });
});

describe('every answer carries the LAN headers', () => {
  it('pages, redirects, refusals, course files and malformed requests: a CSP, nosniff, no-referrer, no-store', async () => {
    h = await lanHarness();
    const harness = h;
    harness.lan.attach('window-0001');
    harness.respond = (r) => (r.kind === 'launch' ? { status: 200, body: { session_id: 's1', package_id: harness.packageId, learner_id: 'k' } } : { status: 200, body: {} });
    const { port } = await harness.lan.configure({ enabled: true });
    const launch = await call(port, 'GET', `/player/dispatch/dsp_${'0'.repeat(32)}?learner_id=a`);
    const secret = harness.lan.sittings.get('s1')?.secret ?? '';
    const replies = [
      launch,
      await call(port, 'GET', String(launch.headers.location)),
      await call(port, 'GET', '/lan/s1/play/?token=x'),
      await call(port, 'GET', '/lan/s1/play'),
      await call(port, 'GET', '/player/dispatch/nope'),
      await call(port, 'GET', `/player/dispatch/dsp_${'0'.repeat(32)}`),
      await call(port, 'PUT', '/lan/s1/down'),
      await call(port, 'POST', '/lan/s1/up', { headers: { authorization: `Bearer ${secret}` }, body: '{"messages":[]}' }),
      await call(port, 'POST', '/lan/s1/up', { body: '{}' }),
      await call(port, 'GET', '/lan/s1/content/sco/probe.html'),
      await call(port, 'GET', '/lan/s1/content/missing.html'),
      await call(port, 'GET', '/lan/s1/assets/lan.js'),
      await call(port, 'GET', '/lan\\s1/x'),
      await call(port, 'GET', '/', { host: 'evil.example' }),
    ];
    expect(replies.map((r) => r.status)).toEqual([302, 200, 401, 301, 404, 400, 405, 204, 401, 200, 404, 200, 400, 421]);
    for (const [i, reply] of replies.entries()) {
      expect(String(reply.headers['content-security-policy']), String(i)).toMatch(/default-src .*frame-ancestors/);
      expect(reply.headers['x-content-type-options'], String(i)).toBe('nosniff');
      expect(reply.headers['referrer-policy'], String(i)).toBe('no-referrer');
      expect(reply.headers['cache-control'], String(i)).toBe('no-store');
    }
  });
});

describe('LanRelay', () => {
  it('asks the newest live window, matches answers by id, ignores late and forged ones, and bounds what waits', async () => {
    let now = 0;
    const emitted: ScormLanRequest[] = [];
    const relay = new LanRelay({ emit: (r) => emitted.push(r), nowMs: () => now, answerTimeoutMs: 50, maxPending: 2 });
    expect(await relay.send({ kind: 'close', session_id: 's' })).toEqual({ kind: 'no_window' });
    relay.attach('window-a');
    now = 1_000;
    relay.attach('window-b');
    const first = relay.send({ kind: 'up', session_id: 's', messages: [1] });
    expect(emitted[0]).toMatchObject({ responder: 'window-b', kind: 'up' });
    const second = relay.send({ kind: 'up', session_id: 's', messages: [2] });
    expect(await relay.send({ kind: 'up', session_id: 's', messages: [3] })).toEqual({ kind: 'busy' });
    expect(relay.notify({ kind: 'close', session_id: 's' })).toBe(true); // takes no pending slot
    expect(relay.respond({ id: '00000000-0000-4000-8000-000000000000', status: 200, body: {} })).toBe(false);
    expect(relay.respond({ id: emitted[0]?.id ?? '', status: 200, body: { a: 1 } })).toBe(true);
    expect(relay.respond({ id: emitted[0]?.id ?? '', status: 500, body: {} })).toBe(false);
    expect(await first).toEqual({ kind: 'answer', status: 200, body: { a: 1 } });
    expect(await second).toEqual({ kind: 'timeout' });
    now = 1_000 + relay.leaseMs;
    expect(await relay.send({ kind: 'close', session_id: 's' })).toEqual({ kind: 'no_window' });
  });
});
