import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainServices } from '../../../../main/app/main-services';
import type { MainServices } from '../../../../main/app/main-services';
import { FileSecretStore } from '../../../../main/services/remote/secret-store';
import { lanBindFromEnv, startServeHost } from '../../../../main/serve/serve-host';
import type { ServeHost } from '../../../../main/serve/serve-host';
import { scormLanStatusSchema } from '../../../../shared/scorm/lan-wire';
import type { ScormLanRequest } from '../../../../shared/scorm/lan-wire';
import { call, HANDLE } from './lan-harness';

const instructor = { transport: 'websocket' as const, senderId: 'instructor-window' };
const learner = { transport: 'websocket' as const, senderId: 'learner-window' };
let dir: string;
let services: MainServices;
let host: ServeHost | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-lan-ipc-'));
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  services = createMainServices({
    dataDir: join(dir, 'data'),
    appInfo: { name: 'Outpost', version: 'test', host: 'serve', platform: 'linux' },
    now: () => new Date(),
    log: () => undefined,
    adb: { adbPath: 'adb', host: '127.0.0.1', port: 1 },
    secrets: new FileSecretStore(join(dir, 'data', 'remote-token.json')),
  });
  expect(await services.dispatch('instructor:setup', { secret: 'class of 2026' }, instructor)).toMatchObject({ ok: true });
});
afterEach(async () => {
  services.stop();
  await host?.close();
  host = null;
  await rm(dir, { recursive: true, force: true });
});

describe('scorm-lan over IPC, in the serve host', () => {
  it('only the instructor turns sharing on; the window attaches, answers and delivers whoever is signed in', async () => {
    host = await startServeHost({ services, rendererDir: join(dir, 'renderer'), port: 0, lanBind: { host: '127.0.0.1', port: 0 } });
    expect(await services.dispatch('scorm-lan:status', {}, learner)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    expect(await services.dispatch('scorm-lan:configure', { enabled: true }, learner)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    expect(await services.dispatch('scorm-lan:configure', { enabled: true, port: 80 }, instructor)).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const answer = await services.dispatch('scorm-lan:configure', { enabled: true }, instructor);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const on = { value: scormLanStatusSchema.parse(answer.value) };
    expect(on.value).toMatchObject({ enabled: true, listening: true, error: null });
    expect(on.value.origins).toEqual([`http://127.0.0.1:${on.value.port}`]);

    const requests: ScormLanRequest[] = [];
    services.bus.subscribe((channel, payload) => {
      if (channel === 'scorm-lan:request') requests.push(payload as ScormLanRequest);
    });
    expect(await services.dispatch('scorm-lan:attach', { responder: 'window-0001' }, learner)).toEqual({ ok: true, value: { lease_ms: 15_000 } });
    const launch = call(on.value.port, 'GET', `/player/dispatch/${HANDLE}?learner_id=lms-1`);
    await expect.poll(() => requests.length).toBe(1);
    const request = requests[0];
    expect(request).toMatchObject({ kind: 'launch', responder: 'window-0001', learner_id: 'lms-1' });
    expect(await services.dispatch('scorm-lan:respond', { id: request?.id ?? '', status: 200, body: { session_id: 'sess-1', package_id: 'pkg-000000000000000000000001', learner_id: 'k' } }, learner)).toEqual({ ok: true, value: { accepted: true } });
    expect((await launch).status).toBe(302);
    expect(await services.dispatch('scorm-lan:deliver', { session_id: 'sess-1', messages: [{ a: 1 }] }, learner)).toEqual({ ok: true, value: { accepted: true } });
    expect(await services.dispatch('scorm-lan:deliver', { session_id: 'sess-2', messages: [{ a: 1 }] }, learner)).toEqual({ ok: true, value: { accepted: false } });
    expect(await services.dispatch('scorm-lan:deliver', { session_id: 'sess-1', messages: [] }, learner)).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });

    // Closing the host closes the listener.
    await host.close();
    host = null;
    await expect(call(on.value.port, 'GET', '/')).rejects.toThrow();
  });

  it('OUTPOST_LAN_HOST (and OUTPOST_LAN_PORT) choose the bind for serve-mode tests', () => {
    expect(lanBindFromEnv({})).toBeUndefined();
    expect(lanBindFromEnv({ OUTPOST_LAN_HOST: '127.0.0.1' })).toEqual({ host: '127.0.0.1' });
    expect(lanBindFromEnv({ OUTPOST_LAN_HOST: '127.0.0.1', OUTPOST_LAN_PORT: '0' })).toEqual({ host: '127.0.0.1', port: 0 });
    expect(lanBindFromEnv({ OUTPOST_LAN_HOST: '127.0.0.1', OUTPOST_LAN_PORT: '48001' })).toEqual({ host: '127.0.0.1', port: 48_001 });
    expect(lanBindFromEnv({ OUTPOST_LAN_HOST: '127.0.0.1', OUTPOST_LAN_PORT: 'x' })).toEqual({ host: '127.0.0.1' });
  });
});
