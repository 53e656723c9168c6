import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headset } from '../../../shared/headsets/headset';
import type { SideloadUpdate, StoredFile } from '../../../shared/headsets/sideload-contract';
import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';
import { createMainServices } from '../../../main/app/main-services';
import { FileSecretStore } from '../../../main/services/remote/secret-store';
import type { MainServices } from '../../../main/app/main-services';
import { buildApk } from '../../fakes/apk-builder';
import type { BuiltApk } from '../../fakes/apk-builder';
import { startPrivateAdbServer, startQuestCart } from '../../fakes/quest-adbd';
import type { PrivateAdbServer, QuestCart } from '../../fakes/quest-adbd';

let adb: PrivateAdbServer;
let cart: QuestCart;
let services: MainServices;
let dataDir: string;
let apk: BuiltApk;
const events: Array<{ channel: string; payload: unknown }> = [];
const ctx = { transport: 'websocket' as const, senderId: 'test' };

function waitForEvent<T>(channel: string, predicate: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const hit = events.find((e) => e.channel === channel && predicate(e.payload as T));
      if (hit) resolve(hit.payload as T);
      else setTimeout(check, 20);
    };
    check();
  });
}

beforeAll(async () => {
  adb = await startPrivateAdbServer();
  cart = await startQuestCart([{ model: 'Quest 3' }, { model: 'Quest 2' }]);
  dataDir = await mkdtemp(join(tmpdir(), 'outpost-main-'));
  apk = await buildApk({ packageName: 'org.example.safety', versionCode: 7, versionName: '1.0.7', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 1024 * 1024 });
  services = createMainServices({
    dataDir,
    appInfo: { name: 'Outpost', version: 'test', host: 'serve', platform: 'linux' },
    now: () => new Date(),
    log: () => undefined,
    adb: { adbPath: 'adb', host: '127.0.0.1', port: adb.port },
    secrets: new FileSecretStore(join(dataDir, 'remote-token.json')),
  });
  services.bus.subscribe((channel, payload) => events.push({ channel, payload }));
  expect(await services.dispatch('instructor:setup', { secret: 'class of 2026' }, ctx)).toMatchObject({ ok: true, value: { signed_in: true } });
}, 60_000);

afterAll(async () => {
  services?.stop();
  await cart?.stop();
  await adb?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(dirname(apk.path), { recursive: true, force: true });
});

describe('main services with headsets (real adb server, emulated cart)', () => {
  it('finds headsets as they connect and reads model, battery and storage', async () => {
    expect(await services.startHeadsets()).toEqual({ ok: true, started: false });
    await Promise.all(cart.headsets.map((h) => adb.connect(h.serial)));
    const list = await waitForEvent<Headset[]>('headsets:changed', (hs) => hs.length === 2 && hs.every((h) => h.model !== null));
    expect(list.map((h) => h.model).sort()).toEqual(['Quest 2', 'Quest 3']);
    expect(list.every((h) => h.battery_level !== null && (h.free_bytes ?? 0) > 0)).toBe(true);
    expect(await services.dispatch('headsets:list', {}, ctx)).toMatchObject({ ok: true, value: { adb: { ok: true } } });
  });

  it('refuses headset work to a window without an instructor session', async () => {
    const learner = { transport: 'websocket' as const, senderId: 'learner' };
    expect(await services.dispatch('headsets:list', {}, learner)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    expect(await services.dispatch('packages:upload-ticket', {}, learner)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
  });

  it('imports an APK, sideloads it to the class with progress events, and launches it everywhere', async () => {
    const ticket = await services.dispatch('packages:upload-ticket', {}, ctx);
    if (!ticket.ok) throw new Error(ticket.error.message);
    const upload = await services.upload(
      new Request('http://127.0.0.1/upload/apk?name=safety.apk', {
        method: 'PUT',
        body: Readable.toWeb(createReadStream(apk.path)) as ReadableStream,
        headers: { [UPLOAD_TICKET_HEADER]: (ticket.value as { ticket: string }).ticket },
        duplex: 'half',
      } as RequestInit),
    );
    const stored = ((await upload.json()) as { value: StoredFile }).value;
    const jobs = cart.headsets.map((h, i) => ({
      job_id: `00000000-0000-4000-8000-00000000000${i}`,
      serial: h.serial,
      package_id: 'c0ffee00-0000-4000-8000-000000000003',
      vr_session_id: null,
      apk_sha256: stored.sha256,
      package_name: 'org.example.safety',
      version_code: 7,
      target_platforms: ['quest2', 'quest3'],
    }));
    expect(await services.dispatch('sideload:start', { jobs }, ctx)).toEqual({ ok: true, value: { accepted: jobs.map((j) => j.job_id) } });
    for (const job of jobs) {
      const done = await waitForEvent<SideloadUpdate>('sideload:progress', (u) => u.id === job.job_id && u.status === 'done');
      expect(done.bytes_sent).toBe(apk.sizeBytes);
    }
    // A window that missed the events can ask for each job's latest state.
    const jobsNow = await services.dispatch('sideload:jobs', {}, ctx);
    expect(jobsNow.ok && (jobsNow.value as { jobs: SideloadUpdate[] }).jobs.filter((j) => jobs.some((s) => s.job_id === j.id)).map((j) => j.status)).toEqual(['done', 'done']);
    for (const h of cart.headsets) {
      expect(h.state.installedVersion('org.example.safety')).toBe(7);
      expect(await services.dispatch('headsets:launch', { serial: h.serial, package_name: 'org.example.safety', launch_activity: stored.apk?.launch_activity ?? null }, ctx)).toMatchObject({
        ok: true,
        value: { ok: true, via: 'am_start' },
      });
    }
  });

  it('fails a job whose APK this kiosk does not have, without starting it', async () => {
    const result = await services.dispatch(
      'sideload:start',
      {
        jobs: [
          {
            job_id: '00000000-0000-4000-8000-0000000000ff',
            serial: cart.headsets[0]!.serial,
            package_id: 'c0ffee00-0000-4000-8000-000000000003',
            vr_session_id: null,
            apk_sha256: 'f'.repeat(64),
            package_name: 'org.example.safety',
            version_code: 8,
            target_platforms: ['quest3'],
          },
        ],
      },
      ctx,
    );
    expect(result).toEqual({ ok: true, value: { accepted: [] } });
    expect(await waitForEvent<SideloadUpdate>('sideload:progress', (u) => u.id === '00000000-0000-4000-8000-0000000000ff')).toMatchObject({ status: 'failed', error_code: 'APK_NOT_STORED' });
  });

  it('refuses a malformed sideload request before anything runs', async () => {
    const result = await services.dispatch('sideload:start', { jobs: [{ serial: 'x' }] }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});
