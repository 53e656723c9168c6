import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScormService } from '../../main/services/scorm/scorm-service';
import { startCourseServer } from '../../main/serve/scorm-course-server';
import type { CourseServer } from '../../main/serve/scorm-course-server';
import { multiSco12Zip } from '../support/scorm-packages';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

vi.mock('electron', () => import('../main/app/fake-electron'));
const { appSchemeHandler } = await import('../../main/app/app-protocol');
const { courseSchemeHandler } = await import('../../main/app/scorm-protocol');

/**
 * Every answer the app's hosts give — pages, assets, course files, the player shell and every refusal —
 * carries a Content-Security-Policy, in Electron (app://, scorm://) and in serve (both loopback listeners).
 */
let dir: string;
let renderer: string;
let scorm: ScormService;
let packageId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csp-everywhere-'));
  renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'scorm-player'), { recursive: true });
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(renderer, 'scorm-player', 'index.html'), '<!doctype html><script src="../assets/player.js"></script>');
  await writeFile(join(renderer, 'assets', 'player.js'), 'console.log(1)');
  await writeFile(join(renderer, 'assets', 'app.css'), 'body{}');
  await mkdir(join(dir, 'data'));
  scorm = new ScormService({ dataDir: join(dir, 'data'), now: () => new Date(), tickets: { redeem: () => true }, log: () => undefined });
  packageId = (await scorm.importer.import(Readable.from([await multiSco12Zip()]))).id;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectCsp(headers: { get(name: string): string | null } | Record<string, unknown>, where: string): string {
  const csp = 'get' in headers && typeof headers.get === 'function' ? headers.get('content-security-policy') : (headers as Record<string, unknown>)['content-security-policy'];
  expect(typeof csp === 'string' && csp.includes('default-src') && csp.includes('frame-ancestors'), `${where} has no CSP (${String(csp)})`).toBe(true);
  return String(csp);
}

describe('Electron: app:// and scorm://', () => {
  it('app:// serves pages, assets, client routes and refusals under a CSP', async () => {
    const upload = vi.fn(async () => Response.json({ ok: true }));
    const handle = appSchemeHandler(renderer, upload);
    const cases: Array<[string, RequestInit?]> = [
      ['app://outpost/'],
      ['app://outpost/index.html'],
      ['app://outpost/assets/app.css'],
      ['app://outpost/library/some/route'],
      ['app://outpost/%ZZ'],
      ['app://outpost/..%2f..%2fetc%2fpasswd'],
      ['app://elsewhere/index.html'],
      ['app://outpost/upload/apk', { method: 'PUT', body: 'x' }],
      ['app://outpost/upload/apk', { method: 'PUT', body: 'x', headers: { 'x-outpost-upload': '1' } }],
      ['app://outpost/upload/apk', { method: 'PUT', body: 'x', headers: { 'x-outpost-upload': '1', origin: 'https://evil.example' } }],
    ];
    const statuses: number[] = [];
    for (const [url, init] of cases) {
      const response = await handle(new Request(url, init));
      statuses.push(response.status);
      expectCsp(response.headers, url);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 404, 403, 404, 403, 200, 403]);
    expect(upload).toHaveBeenCalledTimes(1);
    const page = expectCsp((await handle(new Request('app://outpost/'))).headers, 'app shell');
    expect(page).toContain("script-src 'self'");
    expect(page).toContain('frame-src scorm:');
  });

  it('scorm:// serves the player shell, course files and refusals under a CSP', async () => {
    const handle = courseSchemeHandler(scorm);
    scorm.configureHost({ courseBase: (label) => `scorm://${label}`, appOrigins: ['app://outpost'], rendererDir: renderer });
    const launch = await scorm.signLaunch({ package_id: packageId, session_id: 's-1', learner_id: 'l-1' });
    const origin = launch.origin;
    const cases: Array<[string, number, RequestInit?]> = [
      [launch.launch_url, 200],
      [`${origin}/player/s-1?token=forged`, 401],
      [`${origin}/content/sco/probe.html`, 200],
      [`${origin}/content/sco/missing.html`, 404],
      [`${origin}/assets/player.js`, 200],
      [`${origin}/content/sco/probe.html`, 405, { method: 'POST', body: 'x' }],
      ['scorm://not-a-course/content/x.html', 403],
    ];
    for (const [url, status, init] of cases) {
      const response = await handle(new Request(url, init));
      expect(response.status, url).toBe(status);
      expectCsp(response.headers, url);
    }
    expect(expectCsp((await handle(new Request(launch.launch_url))).headers, 'player')).toContain('frame-ancestors app://outpost');
    expect(expectCsp((await handle(new Request(`${origin}/content/sco/probe.html`))).headers, 'course')).toContain("connect-src 'self'");
  });
});

/** Node's fetch refuses to set Host, so requests carry it the way Chromium would. */
function get(port: number, path: string, host: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve: the app listener and the course listener', () => {
  let serve: ServeFixture;
  let courses: CourseServer;
  beforeAll(async () => {
    serve = await startServeFixture(renderer);
    courses = await startCourseServer(scorm);
  });
  afterAll(async () => {
    await courses.close();
    await serve.stop();
  });

  it('the app listener answers pages, assets, routes, uploads and refusals under a CSP', async () => {
    const port = serve.host.port;
    const own = `127.0.0.1:${port}`;
    const cases: Array<[string, string, string, number]> = [
      ['GET', '/', own, 200],
      ['GET', '/index.html', own, 200],
      ['GET', '/assets/app.css', own, 200],
      ['GET', '/library/route', own, 200],
      ['PUT', '/upload/apk', own, 403],
      ['POST', '/nowhere', own, 404],
      ['GET', '/', `evil.example:${port}`, 403],
    ];
    for (const [method, path, host, status] of cases) {
      const res = await get(port, path, host, method);
      expect(res.status, `${method} ${path} ${host}`).toBe(status);
      expectCsp(res.headers, `${method} ${path} ${host}`);
    }
  });

  it('the course listener answers the player, course files and refusals under a CSP', async () => {
    scorm.configureHost({ courseBase: (label) => `http://${label}.localhost:${courses.port}`, appOrigins: ['http://127.0.0.1:5180'], rendererDir: renderer });
    const launch = await scorm.signLaunch({ package_id: packageId, session_id: 's-2', learner_id: 'l-2' });
    const host = new URL(launch.origin).host;
    const path = new URL(launch.launch_url);
    const cases: Array<[string, string, string, number]> = [
      ['GET', `${path.pathname}${path.search}`, host, 200],
      ['GET', path.pathname, host, 401],
      ['GET', '/content/sco/probe.html', host, 200],
      ['GET', '/content/../course.json', host, 404],
      ['POST', '/content/sco/probe.html', host, 405],
      ['GET', '/content/sco/probe.html', `127.0.0.1:${courses.port}`, 403],
      ['GET', '/content/sco/probe.html', `evil.example:${courses.port}`, 403],
    ];
    for (const [method, p, h, status] of cases) {
      const res = await get(courses.port, p, h, method);
      expect(res.status, `${method} ${p} ${h}`).toBe(status);
      expectCsp(res.headers, `${method} ${p} ${h}`);
    }
  });
});
