import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteClient } from '../../../../main/services/remote/remote-client';
import { RemoteStatusService } from '../../../../main/services/remote/remote-status';
import { FileSecretStore } from '../../../../main/services/remote/secret-store';
import type { RemoteStatus } from '../../../../shared/sync/remote-contract';

const TOKEN = 'good-token-123';
let server: Server;
let base: string;
let dir: string;
// What the fake API does with the next requests; tests set it instead of using special paths.
let mode: 'normal' | 'slow' | 'reset' | 'echo-headers' | 'redirect' = 'normal';
const seen: Array<{ method?: string | undefined; url?: string | undefined; headers: IncomingMessage['headers']; body: string }> = [];

function route(req: IncomingMessage, res: ServerResponse, body: string) {
  seen.push({ method: req.method, url: req.url, headers: req.headers, body });
  if (mode === 'slow') return void setTimeout(() => res.end('{}'), 2000);
  if (mode === 'reset') return void req.socket.destroy();
  if (mode === 'redirect') return void res.writeHead(307, { location: 'https://elsewhere.example/api/vr-sessions' }).end();
  if (mode === 'echo-headers') return void res.writeHead(500).end(`debug: ${JSON.stringify(req.headers)}`);
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(401, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ error: 'Authentication required', code: 'UNAUTHORIZED', got: req.headers.authorization ?? null }));
  }
  res.writeHead(201, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ echoed: body ? JSON.parse(body) : null, auth: req.headers.authorization }));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => route(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'outpost-remote-'));
});
beforeEach(() => {
  mode = 'normal';
  seen.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function storeWith(name: string, origin: string | null): Promise<FileSecretStore> {
  const secrets = new FileSecretStore(join(dir, name));
  if (origin !== null) await secrets.set({ origin, token: TOKEN });
  return secrets;
}

const PACKAGE = '9ac00000-0000-4000-8000-000000000001';

describe('remote client', () => {
  it('sends the token from main, the idempotency key and the JSON body, and never the token back', async () => {
    const secrets = await storeWith('token.json', base);
    expect((await stat(join(dir, 'token.json'))).mode & 0o777).toBe(0o600);
    const request = createRemoteClient({ baseUrl: async () => base, secrets });
    const key = '3f1c2b4a-0000-4000-8000-000000000001';
    const result = await request({ method: 'POST', path: '/api/vr-sessions', body: { package_id: PACKAGE }, idempotency_key: key });
    expect(result).toEqual({ kind: 'response', status: 201, body: { echoed: { package_id: PACKAGE }, auth: 'Bearer [redacted]' } });
    expect(seen.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'idempotency-key': key, 'content-type': 'application/json' });
  });

  it('tells transport failures apart from HTTP answers', async () => {
    const secrets = await storeWith('none.json', null);
    const request = createRemoteClient({ baseUrl: async () => base, secrets, timeoutMs: 300 });
    expect(await request({ method: 'GET', path: '/api/roster' })).toMatchObject({ kind: 'response', status: 401 });
    mode = 'slow';
    expect(await request({ method: 'GET', path: '/api/roster' })).toEqual({ kind: 'timeout' });
    mode = 'reset';
    expect(await request({ method: 'GET', path: '/api/roster' })).toMatchObject({ kind: 'network' });
    expect(await createRemoteClient({ baseUrl: async () => null, secrets })({ method: 'GET', path: '/api/roster' })).toEqual({ kind: 'not_configured' });
  });

  it('keeps the token from an API address it was not given for', async () => {
    const secrets = await storeWith('other.json', 'https://api.example.org');
    const result = await createRemoteClient({ baseUrl: async () => base, secrets })({ method: 'GET', path: '/api/roster' });
    expect(result).toMatchObject({ kind: 'response', status: 401, body: { got: null } });
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('does not follow a redirect with the token', async () => {
    mode = 'redirect';
    const secrets = await storeWith('redirect.json', base);
    expect(await createRemoteClient({ baseUrl: async () => base, secrets })({ method: 'GET', path: '/api/roster' })).toMatchObject({ kind: 'response', status: 307 });
    expect(seen).toHaveLength(1);
  });

  it('cuts the token out of an answer that echoes it and out of transport errors', async () => {
    mode = 'echo-headers';
    const secrets = await storeWith('echo.json', base);
    const echoed = await createRemoteClient({ baseUrl: async () => base, secrets })({ method: 'GET', path: '/api/roster' });
    expect(JSON.stringify(echoed)).not.toContain(TOKEN);
    expect(JSON.stringify(echoed)).toContain('[redacted]');
    const throwing = (async () => {
      throw new Error(`connect failed for Bearer ${TOKEN}`);
    }) as typeof fetch;
    const failed = await createRemoteClient({ baseUrl: async () => base, secrets, fetch: throwing })({ method: 'GET', path: '/api/roster' });
    expect(failed).toEqual({ kind: 'network', message: 'connect failed for Bearer [redacted]' });
  });

  it('refuses to send a statement to the API (with no LRS they stay on the kiosk), and never follows a redirect', async () => {
    const secrets = await storeWith('xapi.json', base);
    const request = createRemoteClient({ baseUrl: async () => base, secrets });
    const statement = { id: '3f1c2b4a-0000-4000-8000-000000000002', actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://outpost.invalid/vr-packages/x' } };
    const before = seen.length;
    await expect(request({ method: 'PUT', path: `/api/xapi/statements?statementId=${statement.id}`, body: statement })).rejects.toMatchObject({ code: 'REMOTE_OPERATION_REFUSED' });
    expect(seen.length).toBe(before);
    mode = 'redirect';
    expect(await request({ method: 'POST', path: '/api/vr-sessions', body: { package_id: PACKAGE } })).toMatchObject({ kind: 'response', status: 307, location: 'https://elsewhere.example/api/vr-sessions' });
  });

  it('sends LRS operations to the LRS port only, never with the device token; none configured is "not configured"', async () => {
    const secrets = await storeWith('lrs.json', base);
    const statement = { id: '3f1c2b4a-0000-4000-8000-000000000003', actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://outpost.invalid/vr-packages/x' } };
    const sent: unknown[] = [];
    const withLrs = createRemoteClient({ baseUrl: async () => base, secrets, lrs: async (batch) => (sent.push(batch), { kind: 'response', status: 200, body: [statement.id] }) });
    const before = seen.length;
    expect(await withLrs({ method: 'POST', path: '/statements', body: [statement] })).toEqual({ kind: 'response', status: 200, body: [statement.id] });
    expect(sent).toEqual([[statement]]);
    expect(seen.length).toBe(before);
    expect(await createRemoteClient({ baseUrl: async () => base, secrets })({ method: 'POST', path: '/statements', body: [statement] })).toEqual({ kind: 'not_configured' });
    await expect(withLrs({ method: 'POST', path: '/statements', body: [{ ...statement, verb: {} }] })).rejects.toThrow(/not a valid xAPI statement/);
  });

  it('refuses anything but a named operation before reading the token', async () => {
    let reads = 0;
    const secrets = { get: async () => ((reads += 1), { origin: base, token: TOKEN }), set: async () => undefined, clear: async () => undefined };
    const request = createRemoteClient({ baseUrl: async () => base, secrets });
    await expect(request({ method: 'GET', path: '/api/%2e%2e/admin/users' })).rejects.toMatchObject({ code: 'REMOTE_OPERATION_REFUSED' });
    await expect(request({ method: 'POST', path: '/api/vr-sessions', body: { package_id: 'not-a-uuid' } })).rejects.toMatchObject({ code: 'REMOTE_OPERATION_REFUSED', message: expect.stringContaining('package_id') });
    expect(reads).toBe(0);
    expect(seen).toEqual([]);
  });
});

describe('remote status', () => {
  it('is reachable on any HTTP answer, signed in only while the token is accepted, and unreachable when nothing answers', async () => {
    const secrets = new FileSecretStore(join(dir, 'status.json'));
    const changes: RemoteStatus[] = [];
    let url: string | null = base;
    const status = new RemoteStatusService({ baseUrl: async () => url, secrets, now: () => new Date('2026-01-01T00:00:00Z'), onChange: (s) => changes.push(s) });
    expect(await status.check()).toMatchObject({ configured: true, reachable: true, signed_in: false });
    await secrets.set({ origin: base, token: TOKEN });
    expect(await status.check()).toMatchObject({ reachable: true, signed_in: true });
    await secrets.set({ origin: base, token: 'expired-token' });
    expect(await status.check()).toMatchObject({ reachable: true, signed_in: false });
    url = 'http://127.0.0.1:1';
    expect(await status.check()).toMatchObject({ reachable: false });
    url = null;
    expect(await status.check()).toMatchObject({ configured: false });
    expect(changes).toHaveLength(5);
  });

  it('reports "not signed in" once the API address moves to another origin, without sending the token there', async () => {
    const secrets = await storeWith('moved.json', 'https://old-api.example.org');
    const status = new RemoteStatusService({ baseUrl: async () => base, secrets, now: () => new Date(), onChange: () => undefined });
    expect(await status.check()).toMatchObject({ configured: true, reachable: true, signed_in: false });
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });
});
