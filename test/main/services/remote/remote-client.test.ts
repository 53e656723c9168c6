import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteClient } from '../../../../main/services/remote/remote-client';
import { RemoteStatusService } from '../../../../main/services/remote/remote-status';
import { FileSecretStore } from '../../../../main/services/remote/secret-store';
import type { RemoteStatus } from '../../../../shared/sync/remote-contract';

let server: Server;
let base: string;
let dir: string;
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

function route(req: IncomingMessage, res: ServerResponse, body: string) {
  seen.push({ method: req.method, url: req.url, headers: req.headers, body });
  if (req.url?.startsWith('/api/slow')) return void setTimeout(() => res.end('{}'), 2000);
  if (req.url?.startsWith('/api/reset')) return void req.socket.destroy();
  if (req.headers.authorization !== 'Bearer good-token-123') {
    res.writeHead(401, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ error: 'Authentication required', code: 'UNAUTHORIZED' }));
  }
  res.writeHead(201, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ echoed: body ? JSON.parse(body) : null }));
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
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('remote client', () => {
  it('sends the token from main, the idempotency key and the JSON body', async () => {
    const secrets = new FileSecretStore(join(dir, 'token.json'));
    await secrets.set('good-token-123');
    expect((await stat(join(dir, 'token.json'))).mode & 0o777).toBe(0o600);
    const request = createRemoteClient({ baseUrl: async () => base, secrets });
    const key = '3f1c2b4a-0000-4000-8000-000000000001';
    const result = await request({ method: 'POST', path: '/api/vr-sessions', body: { package_id: 'x' }, idempotency_key: key });
    expect(result).toEqual({ kind: 'response', status: 201, body: { echoed: { package_id: 'x' } } });
    expect(seen.at(-1)?.headers).toMatchObject({ authorization: 'Bearer good-token-123', 'idempotency-key': key, 'content-type': 'application/json' });
  });

  it('tells transport failures apart from HTTP answers', async () => {
    const secrets = new FileSecretStore(join(dir, 'none.json'));
    const request = createRemoteClient({ baseUrl: async () => base, secrets, timeoutMs: 300 });
    expect(await request({ method: 'GET', path: '/api/vr-sessions' })).toMatchObject({ kind: 'response', status: 401 });
    expect(await request({ method: 'GET', path: '/api/slow' })).toEqual({ kind: 'timeout' });
    expect(await request({ method: 'GET', path: '/api/reset' })).toMatchObject({ kind: 'network' });
    expect(await createRemoteClient({ baseUrl: async () => null, secrets })({ method: 'GET', path: '/api/x' })).toEqual({ kind: 'not_configured' });
  });
});

describe('remote status', () => {
  it('is reachable on any HTTP answer, signed in only while the token is accepted, and unreachable when nothing answers', async () => {
    const secrets = new FileSecretStore(join(dir, 'status.json'));
    const changes: RemoteStatus[] = [];
    let url: string | null = base;
    const status = new RemoteStatusService({ baseUrl: async () => url, secrets, now: () => new Date('2026-01-01T00:00:00Z'), onChange: (s) => changes.push(s) });
    expect(await status.check()).toMatchObject({ configured: true, reachable: true, signed_in: false });
    await secrets.set('good-token-123');
    expect(await status.check()).toMatchObject({ reachable: true, signed_in: true });
    await secrets.set('expired-token');
    expect(await status.check()).toMatchObject({ reachable: true, signed_in: false });
    url = 'http://127.0.0.1:1';
    expect(await status.check()).toMatchObject({ reachable: false });
    url = null;
    expect(await status.check()).toMatchObject({ configured: false });
    expect(changes).toHaveLength(5);
  });
});
