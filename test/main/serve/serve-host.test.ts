import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeFixture } from '../../support/serve-fixture';
import type { ServeFixture } from '../../support/serve-fixture';
import { openSocket } from '../../support/ws-client';
import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';

let rendererDir: string;
let fixture: ServeFixture;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'outpost-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Outpost</title><div id="root"></div>');
  fixture = await startServeFixture(rendererDir);
});

afterAll(async () => {
  await fixture.stop();
  await rm(rendererDir, { recursive: true, force: true });
});

function get(path: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: fixture.host.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve host over HTTP', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(fixture.host.url).toBe(`http://127.0.0.1:${fixture.host.port}/#token=${fixture.host.token}`);
    expect(fixture.host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the app shell with the security headers, also for client-side routes', async () => {
    for (const path of ['/', '/library']) {
      const res = await get(path, `127.0.0.1:${fixture.host.port}`);
      expect(res.status).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const res = await get('/', `evil.example:${fixture.host.port}`);
    expect(res.status).toBe(403);
  });
});

/** A socket whose caller has signed in as the instructor (set up on first use). */
async function instructorSocket() {
  const client = await openSocket(fixture.host.port, { token: fixture.host.token });
  const setup = (await client.invoke('instructor:setup', { secret: INSTRUCTOR_SECRET })) as { ok: boolean };
  if (!setup.ok) await client.invoke('instructor:sign-in', { secret: INSTRUCTOR_SECRET });
  return client;
}
const INSTRUCTOR_SECRET = 'serve host test';

describe('serve host upload endpoint', () => {
  const origin = () => `http://127.0.0.1:${fixture.host.port}`;
  async function put(headers: Record<string, string>) {
    return fetch(`http://127.0.0.1:${fixture.host.port}/upload/apk?name=x.apk`, { method: 'PUT', body: 'not an apk', headers });
  }
  async function ticket(): Promise<string> {
    const client = await instructorSocket();
    const result = (await client.invoke('packages:upload-ticket', {})) as { ok: true; value: { ticket: string } };
    client.close();
    return result.value.ticket;
  }

  it('refuses uploads without the token, from another origin, or without an instructor ticket', async () => {
    const authorization = `Bearer ${fixture.host.token}`;
    expect((await put({ origin: origin(), [UPLOAD_TICKET_HEADER]: await ticket() })).status).toBe(403);
    expect((await put({ origin: 'https://evil.example', authorization, [UPLOAD_TICKET_HEADER]: await ticket() })).status).toBe(403);
    const refused = await put({ origin: origin(), authorization });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await put({ origin: origin(), authorization, [UPLOAD_TICKET_HEADER]: 'f'.repeat(64) })).status).toBe(403);
  });

  it('refuses a learner asking for a ticket', async () => {
    const learner = await openSocket(fixture.host.port, { token: fixture.host.token });
    expect(await learner.invoke('packages:upload-ticket', {})).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    learner.close();
  });

  it('passes an upload with a ticket to the package store, and the ticket works once only', async () => {
    const authorization = `Bearer ${fixture.host.token}`;
    const once = await ticket();
    const res = await put({ origin: origin(), authorization, [UPLOAD_TICKET_HEADER]: once });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_AN_APK' } });
    expect((await put({ origin: origin(), authorization, [UPLOAD_TICKET_HEADER]: once })).status).toBe(403);
  });
});

describe('serve host IPC socket', () => {
  const port = () => fixture.host.port;

  it('round-trips a contract call', async () => {
    const client = await openSocket(port(), { token: fixture.host.token });
    expect(await client.invoke('app:info', {})).toMatchObject({ ok: true, value: { name: 'Outpost', host: 'serve', version: '0.0.0-test' } });
    client.close();
  });

  it('refuses an invalid payload with a clear error and changes nothing', async () => {
    const client = await openSocket(port(), { token: fixture.host.token });
    const result = await client.invoke('settings:update', { locale: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('locale') } });
    expect(await client.invoke('settings:get', {})).toMatchObject({ ok: true, value: { locale: null } });
    client.close();
  });

  it('broadcasts events to every connected window', async () => {
    const a = await instructorSocket();
    const b = await openSocket(port(), { token: fixture.host.token });
    expect(await a.invoke('settings:update', { kioskName: 'Room 12' })).toMatchObject({ ok: true });
    expect(await b.nextEvent()).toEqual({ type: 'event', channel: 'settings:changed', payload: expect.objectContaining({ kioskName: 'Room 12' }) });
    a.close();
    b.close();
  });

  it('keeps an instructor session to its own connection', async () => {
    const instructor = await instructorSocket();
    const other = await openSocket(port(), { token: fixture.host.token });
    expect(await instructor.invoke('instructor:status', {})).toMatchObject({ ok: true, value: { configured: true, signed_in: true } });
    expect(await other.invoke('instructor:status', {})).toMatchObject({ ok: true, value: { configured: true, signed_in: false } });
    expect(await other.invoke('settings:update', { kioskName: 'Hijacked' })).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    instructor.close();
    other.close();
  });

  it('rejects sockets without the token, with a wrong token, or from another origin', async () => {
    await expect(openSocket(port(), { token: 'wrong' })).rejects.toThrow(/403/);
    await expect(openSocket(port(), { protocols: ['outpost-ipc.v1'] })).rejects.toThrow(/403/);
    await expect(openSocket(port(), { token: fixture.host.token, origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('closes a socket that sends a malformed frame', async () => {
    const client = await openSocket(port(), { token: fixture.host.token });
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.socket.send('not json');
    expect(await closed).toBe(1003);
  });
});
