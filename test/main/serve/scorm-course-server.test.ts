import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScormService } from '../../../main/services/scorm/scorm-service';
import { startCourseServer } from '../../../main/serve/scorm-course-server';
import type { CourseServer } from '../../../main/serve/scorm-course-server';
import { multiSco12Zip } from '../../support/scorm-packages';

let dir: string;
let clock: Date;
let scorm: ScormService;
let server: CourseServer;
let packageId: string;

/** Node's fetch refuses to set Host, so requests name the course origin the way Chromium would. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const parsed = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: parsed.port, path: `${parsed.pathname}${parsed.search}`, headers: { host: parsed.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorm-serve-'));
  clock = new Date('2026-03-01T10:00:00Z');
  const renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'scorm-player'), { recursive: true });
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'scorm-player', 'index.html'), '<!doctype html><html><head><script src="../assets/player.js"></script></head><body></body></html>');
  await writeFile(join(renderer, 'assets', 'player.js'), 'console.log(1)');
  await writeFile(join(renderer, 'index.html'), 'the app');
  scorm = new ScormService({ dataDir: dir, now: () => clock, tickets: { redeem: () => true }, log: () => undefined });
  server = await startCourseServer(scorm);
  scorm.configureHost({ courseBase: (label) => `http://${label}.localhost:${server.port}`, appOrigins: ['http://127.0.0.1:5180'], rendererDir: renderer });
  packageId = (await scorm.importer.import(Readable.from([await multiSco12Zip()]))).id;
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('course origins in serve', () => {
  it('serves the player shell for a signed launch and 401 "Launch link unavailable" otherwise', async () => {
    const launch = await scorm.signLaunch({ package_id: packageId, session_id: 'session-1', learner_id: 'learner-1' });
    expect(launch.expires_in_seconds).toBe(14_400);
    const ok = await get(launch.launch_url);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('outpost-player');
    expect(ok.body).toContain('&#34;sessionId&#34;:&#34;session-1&#34;');
    expect(String(ok.headers['content-security-policy'])).toContain('frame-ancestors http://127.0.0.1:5180');

    const base = launch.launch_url.split('?')[0] ?? '';
    for (const url of [base, `${base}?token=`, `${base}?token=forged.token`, launch.launch_url.replace('session-1', 'session-2')]) {
      const refused = await get(url);
      expect(refused.status).toBe(401);
      expect(refused.body).toContain('Launch link unavailable');
    }
    // Another learner's origin cannot use this learner's token.
    const other = await scorm.signLaunch({ package_id: packageId, session_id: 'session-1', learner_id: 'learner-2' });
    expect(new URL(other.launch_url).host).not.toBe(new URL(launch.launch_url).host);
    expect((await get(`${other.origin}/player/session-1?token=${new URL(launch.launch_url).searchParams.get('token') ?? ''}`)).status).toBe(401);
    // Expired.
    clock = new Date(clock.getTime() + 14_401_000);
    expect((await get(launch.launch_url)).status).toBe(401);
  });

  it('clamps the TTL', async () => {
    expect((await scorm.signLaunch({ package_id: packageId, session_id: 's', learner_id: 'l', ttl_seconds: 5 })).expires_in_seconds).toBe(60);
    expect((await scorm.signLaunch({ package_id: packageId, session_id: 's', learner_id: 'l', ttl_seconds: 9_000_000 })).expires_in_seconds).toBe(86_400);
  });

  it('serves course files with their MIME type, a CSP without network, and byte ranges', async () => {
    const { origin } = await scorm.signLaunch({ package_id: packageId, session_id: 's', learner_id: 'l' });
    const html = await get(`${origin}/content/sco/probe.html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(html.headers['content-security-policy'])).toContain("connect-src 'self'");
    const js = await get(`${origin}/content/sco/probe.js`, { range: 'bytes=0-9' });
    expect(js.status).toBe(206);
    expect(js.headers['content-range']).toMatch(/^bytes 0-9\/\d+$/);
    expect(js.body).toHaveLength(10);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(`${origin}/content/sco/probe.js`, { range: 'bytes=999999-' })).status).toBe(416);
    expect((await get(`${origin}/assets/player.js`)).status).toBe(200);
  });

  it('refuses paths outside the course, unknown hosts and the app origin', async () => {
    const { origin } = await scorm.signLaunch({ package_id: packageId, session_id: 's', learner_id: 'l' });
    for (const path of ['/content/../course.json', '/content/%2e%2e/course.json', '/content/sco/..%2f..%2fcourse.json', '/content/sco%5cprobe.html', '/content/', '/assets/../index.html', '/index.html']) {
      expect((await get(`${origin}${path}`)).status, path).toBe(404);
    }
    expect((await get(`http://127.0.0.1:${server.port}/content/sco/probe.html`)).status).toBe(403);
    expect((await get(`http://evil.example:${server.port}/content/sco/probe.html`)).status).toBe(403);
    expect((await get(`http://pkg-000000000000000000000000-u0000000000000000.localhost:${server.port}/content/sco/probe.html`)).status).toBe(404);
  });
});
