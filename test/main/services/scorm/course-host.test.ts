import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourseHost } from '../../../../main/services/scorm/course-host';
import { LaunchSigner } from '../../../../main/services/scorm/launch-token';

let dir: string;
const signer = new LaunchSigner(Buffer.alloc(32, 7), () => new Date('2026-03-01T10:00:00Z'));
const label = { packageId: 'pkg-000000000000000000000001', learnerKey: signer.learnerKey('learner-1') };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'course-host-'));
  await mkdir(join(dir, 'renderer', 'scorm-player'), { recursive: true });
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(dir, 'course'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'scorm-player', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(join(dir, 'renderer', 'assets', 'player.js'), 'console.log(1)');
  await writeFile(join(dir, 'course', 'index.html'), '<p>course</p>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function host(frameAncestors?: 'app' | 'any') {
  const seen: string[] = [];
  const handle = createCourseHost({
    signer,
    filesDir: async () => join(dir, 'course'),
    rendererDir: () => join(dir, 'renderer'),
    appOrigins: (request) => {
      seen.push(request.url);
      return ['app://outpost'];
    },
    ...(frameAncestors ? { frameAncestors } : {}),
  });
  return { handle, seen };
}

const csp = (response: Response) => response.headers.get('content-security-policy') ?? '';
const token = () => signer.sign({ sid: 'session-1', pkg: label.packageId, uk: label.learnerKey }, 60);

describe('createCourseHost frame-ancestors', () => {
  it('on the kiosk (default) only the app frames the shell, and the app or the shell the course', async () => {
    const { handle, seen } = host();
    const shell = await handle(new Request(`scorm://x/player/session-1?token=${token()}`), label);
    expect(shell.status).toBe(200);
    expect(csp(shell)).toContain('frame-ancestors app://outpost');
    const course = await handle(new Request('scorm://x/content/index.html'), label);
    expect(csp(course)).toContain("frame-ancestors 'self' app://outpost");
    expect(csp(await handle(new Request('scorm://x/content/missing.html'), label))).toContain("frame-ancestors 'self' app://outpost");
    expect(csp(await handle(new Request('scorm://x/player/session-1'), label))).toContain('frame-ancestors app://outpost');
    // The request reaches appOrigins, for hosts whose app origin depends on it.
    expect(seen[0]).toBe(`scorm://x/player/session-1?token=${token()}`);
  });

  it("with 'any' (the LAN hand-off) any ancestor may frame them; the rest of the policy is the same", async () => {
    const { handle } = host('any');
    const shell = await handle(new Request(`http://10.0.0.2:47800/player/session-1?token=${token()}`), label);
    expect(csp(shell)).toContain('frame-ancestors *');
    expect(csp(shell)).not.toContain('app://outpost;');
    const kiosk = await host().handle(new Request(`scorm://x/player/session-1?token=${token()}`), label);
    expect(csp(shell).replace('frame-ancestors *', '')).toBe(csp(kiosk).replace('frame-ancestors app://outpost', ''));
    const course = await handle(new Request('http://10.0.0.2:47800/content/index.html'), label);
    expect(csp(course)).toContain('frame-ancestors *');
    expect(csp(course)).toContain("connect-src 'self'");
    expect((await handle(new Request('http://10.0.0.2:47800/player/session-1?token=forged.x'), label)).status).toBe(401);
  });
});
