import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES } from '../../main/services/remote/read-answer';
import { createRemoteClient } from '../../main/services/remote/remote-client';
import { FileSecretStore } from '../../main/services/remote/secret-store';
import { MAX_RETRY_AFTER_MS } from '../../shared/sync/retry-after';
import { fuzzParams } from './local-api-harness';

/**
 * A hostile remote, beyond test/main/services/remote/remote-client.test.ts: huge and endless bodies, a
 * slow drip, headers then silence, bodies cut short, redirect chains to other origins, answers of every
 * type and encoding. Main's client must answer each with a value (an HTTP answer with a stated problem, a
 * timeout, a network failure), bounded in size and time, with the token nowhere in it.
 */
const TOKEN = 'hostile-remote-token-0123456789';
const PACKAGE = '9ac00000-0000-4000-8000-000000000001';
type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let elsewhere: Server;
let base: string;
let elsewhereUrl: string;
let elsewhereHits = 0;
let dir: string;
let behaviour: Behaviour = (_req, res) => void res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => behaviour(req, res));
  });
  elsewhere = createServer((_req, res) => {
    elsewhereHits += 1;
    res.end('{"stolen":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'remote-hostile-'));
});
afterAll(async () => {
  for (const s of [server, elsewhere]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

async function client(timeoutMs = 1_000) {
  const secrets = new FileSecretStore(join(dir, 'token.json'));
  await secrets.set({ origin: base, token: TOKEN });
  return createRemoteClient({ baseUrl: async () => base, secrets, timeoutMs });
}
const send = async (timeoutMs?: number) => (await client(timeoutMs))({ method: 'POST', path: '/api/vr-sessions', body: { package_id: PACKAGE }, idempotency_key: '3f1c2b4a-0000-4000-8000-000000000009' });

describe('hostile remote (main/services/remote)', { timeout: 60_000 }, () => {
  it('stops reading a huge or endless answer at the bound and says so', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    };
    const rssBefore = process.memoryUsage().rss;
    const result = await send(10_000);
    expect(result).toMatchObject({ kind: 'response', status: 200, body: null, body_problem: `The answer was larger than ${MAX_ANSWER_BYTES} bytes` });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('gives up on a slow drip and on headers followed by silence: a timeout, not a hang', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    };
    const started = Date.now();
    expect(await send(500)).toEqual({ kind: 'timeout' });
    behaviour = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    expect(await send(500)).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('tells a body cut short from an answer', async () => {
    behaviour = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"session":{"id":');
      setTimeout(() => req.socket.destroy(), 20);
    };
    const result = await send();
    expect(['network', 'response']).toContain(result.kind);
    if (result.kind === 'response') expect(result.body_problem).toBeDefined();
  });

  it('follows no redirect, however chained, and never carries the token to another origin', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      behaviour = (_req, res) => res.writeHead(status, { location: `${elsewhereUrl}/api/vr-sessions?token=${TOKEN}&${'x'.repeat(5000)}` }).end();
      const result = await send();
      expect(result).toMatchObject({ kind: 'response', status });
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      if (result.kind === 'response') expect((result.location ?? '').length).toBeLessThanOrEqual(300);
    }
    behaviour = (_req, res) => res.writeHead(307, { location: '/api/vr-sessions' }).end();
    expect(await send()).toMatchObject({ kind: 'response', status: 307 });
    expect(elsewhereHits).toBe(0);
  });

  it('caps an absurd Retry-After', async () => {
    behaviour = (_req, res) => res.writeHead(503, { 'retry-after': '9999999999', 'content-type': 'application/json' }).end('{"error":"later"}');
    expect(await send()).toMatchObject({ kind: 'response', status: 503, retry_after_ms: MAX_RETRY_AFTER_MS });
  });

  it('answers every status, content type and body (any bytes, any JSON, the token echoed) with a bounded value', async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ maxLength: 200 }).map((text) => Buffer.from(`<html><body>${text} Bearer ${TOKEN}</body></html>`)),
      fc.constantFrom('', '{', '[1,2', '\uFEFF{}', 'null', '"only a string"', `{"echo":"Bearer ${TOKEN}"}`, `{"${TOKEN}":1}`).map((text) => Buffer.from(text)),
    );
    const answer = fc.record({
      status: fc.oneof(fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 })),
      type: fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/html', 'text/plain', 'application/octet-stream', ''),
      retryAfter: fc.oneof(fc.constant(null), fc.constantFrom('0', '-1', '1.5', 'soon', 'Wed, 21 Oct 2099 07:28:00 GMT', '999999999999999999999'), fc.string({ maxLength: 20 })),
      body,
    });
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, type, retryAfter, body: bytes }) => {
        behaviour = (_req, res) => {
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (retryAfter !== null && /^[\x20-\x7e]*$/.test(retryAfter)) headers['retry-after'] = retryAfter;
          res.writeHead(status, headers);
          res.end(status === 204 || status === 304 ? undefined : bytes);
        };
        const result = await send();
        expect(result.kind).toBe('response');
        if (result.kind !== 'response') return;
        expect(result.status).toBe(status);
        const text = JSON.stringify(result);
        expect(text).not.toContain(TOKEN);
        expect(text.length).toBeLessThan(4 * MAX_ANSWER_BYTES);
        if (result.retry_after_ms !== undefined) expect(result.retry_after_ms >= 0 && result.retry_after_ms <= MAX_RETRY_AFTER_MS).toBe(true);
        if (result.body_problem !== undefined) expect(result.body === null || (typeof result.body === 'object' && String((result.body as { error?: unknown }).error ?? '').length <= 500)).toBe(true);
      }),
      fuzzParams(150),
    );
  });
});
