import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SideloadJobSpec, SideloadUpdate } from '../../../../shared/headsets/sideload-contract';
import type { HeadsetService } from '../../../../main/services/headsets/headset-service';
import type { PackageStore, StoredApkDetails } from '../../../../main/services/packages/package-store';
import { JOURNAL_FINISHED_JOBS, SideloadJournal } from '../../../../main/services/sideload/sideload-journal';
import type { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import { SideloadService } from '../../../../main/services/sideload/sideload-service';
import type { SideloadRequest } from '../../../../main/services/sideload/sideload-types';

const SHA = 'b'.repeat(64);
const JOB = '20b00000-0000-4000-8000-000000000001';
const details: StoredApkDetails = { package_name: 'org.example.safety', version_code: 7, version_name: '1.0.7', label: 'Safety', min_sdk: 29, target_sdk: 32, launch_activity: null, native_abis: [], warnings: [], signature_hash: null };

const spec = (jobId = JOB): SideloadJobSpec => ({
  job_id: jobId,
  serial: '127.0.0.1:40001',
  package_id: 'c0ffee00-0000-4000-8000-000000000003',
  vr_session_id: null,
  apk_sha256: SHA,
  package_name: 'org.example.safety',
  version_code: 7,
  target_platforms: ['quest3'],
  obb_files: [],
});

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** A service over a journal file, a one-file package store and a manager that only records what it was asked to run. */
async function rig(options: { apkStored?: boolean; clock?: () => Date } = {}) {
  dir ||= await mkdtemp(join(tmpdir(), 'outpost-sideload-journal-'));
  const apkPath = join(dir, `${SHA}.apk`);
  await writeFile(apkPath, Buffer.alloc(1000));
  const started: SideloadRequest[] = [];
  const manager = { start: async (request: SideloadRequest) => void started.push(request) } as unknown as SideloadManager;
  const store = { apkDetails: async () => (options.apkStored === false ? null : details), has: async () => true, pathOf: () => apkPath } as unknown as PackageStore;
  const headsets = { refresh: async () => null } as unknown as HeadsetService;
  const published: SideloadUpdate[] = [];
  const journalPath = join(dir, 'sideload-jobs.json');
  const service = new SideloadService({ manager, store, headsets, now: options.clock ?? (() => new Date()), onUpdate: (u) => published.push(u), journal: new SideloadJournal(journalPath) });
  const onDisk = async () => (JSON.parse(await readFile(journalPath, 'utf8')) as { jobs: Array<{ spec: SideloadJobSpec; update: SideloadUpdate }> }).jobs;
  return { service, started, published, onDisk };
}

const step = (base: SideloadUpdate, patch: Partial<SideloadUpdate>): SideloadUpdate => ({ ...base, ...patch, at: new Date().toISOString() });

describe('sideload jobs on disk', () => {
  it('a job is on disk as queued before it runs, and each new status is on disk before it is published', async () => {
    const r = await rig();
    expect(await r.service.start([spec()])).toEqual([JOB]);
    expect(r.started.map((request) => request.jobId)).toEqual([JOB]);
    expect((await r.onDisk()).map((entry) => entry.update.status)).toEqual(['queued']);
    const queued = (await r.service.jobs())[0]!;
    const transferring = step(queued, { status: 'transferring' });
    const progress = step(transferring, { bytes_sent: 500 });
    const done = step(progress, { status: 'done', bytes_sent: 1000 });
    await Promise.all([r.service.publish(transferring), r.service.publish(progress), r.service.publish(done)]);
    // Published in the order they came, the byte progress included.
    expect(r.published.map((u) => [u.status, u.bytes_sent])).toEqual([
      ['transferring', 0],
      ['transferring', 500],
      ['done', 1000],
    ]);
    expect((await r.onDisk())[0]?.update).toMatchObject({ status: 'done', bytes_sent: 1000 });
  });

  it('never publishes a status before it is on disk', async () => {
    const r = await rig();
    await r.service.start([spec()]);
    const queued = (await r.service.jobs())[0]!;
    const seenOnDisk: string[] = [];
    // Read the file at the moment each update is published.
    const original = r.published.push.bind(r.published);
    r.published.push = (...updates: SideloadUpdate[]) => {
      const file = JSON.parse(readFileSync(join(dir, 'sideload-jobs.json'), 'utf8')) as { jobs: Array<{ update: SideloadUpdate }> };
      for (const update of updates) seenOnDisk.push(`${update.status}:${file.jobs[0]?.update.status}`);
      return original(...updates);
    };
    const transferring = step(queued, { status: 'transferring' });
    await r.service.publish(transferring);
    await r.service.publish(step(transferring, { status: 'installing' }));
    expect(seenOnDisk).toEqual(['transferring:transferring', 'installing:installing']);
  });

  it('after a restart, a job that was running is interrupted (on disk too), and resuming runs it again under its id once', async () => {
    const first = await rig();
    await first.service.start([spec()]);
    const queued = (await first.service.jobs())[0]!;
    await first.service.publish(step(queued, { status: 'transferring', bytes_sent: 0 }));

    const restartedAt = new Date('2030-01-01T00:00:00.000Z');
    const second = await rig({ clock: () => restartedAt });
    expect(await second.service.jobs()).toEqual([expect.objectContaining({ id: JOB, status: 'interrupted', error_code: 'INTERRUPTED', at: restartedAt.toISOString() })]);
    expect((await second.onDisk())[0]?.update.status).toBe('interrupted');

    const [resumed, again] = await Promise.all([second.service.resume(JOB), second.service.resume(JOB)]);
    expect([resumed, again]).toEqual([{ ok: true }, { ok: false, reason: 'NOT_INTERRUPTED' }]);
    expect(second.started.map((request) => [request.jobId, request.apk.package_name, request.apk.size_bytes])).toEqual([[JOB, 'org.example.safety', 1000]]);
    expect((await second.service.jobs())[0]?.status).toBe('queued');
    expect(await second.service.resume(JOB)).toEqual({ ok: false, reason: 'NOT_INTERRUPTED' });
    expect(await second.service.resume('20b00000-0000-4000-8000-00000000ffff')).toEqual({ ok: false, reason: 'UNKNOWN_JOB' });
  });

  it('an interrupted job is later than its last update even when the clock went back across the restart', async () => {
    const first = await rig();
    await first.service.start([spec()]);
    const queued = (await first.service.jobs())[0]!;
    await first.service.publish(step(queued, { status: 'transferring' }));
    const lastAt = (await first.service.jobs())[0]!.at;
    const second = await rig({ clock: () => new Date('2020-01-01T00:00:00.000Z') });
    const [interrupted] = await second.service.jobs();
    expect(interrupted?.status).toBe('interrupted');
    expect(Date.parse(interrupted!.at)).toBe(Date.parse(lastAt) + 1);
  });

  it('finished jobs stay finished after a restart; an interrupted job whose APK is gone fails saying so', async () => {
    const first = await rig();
    await first.service.start([spec(), spec('20b00000-0000-4000-8000-000000000002')]);
    const [a] = await first.service.jobs();
    await first.service.publish(step(a!, { status: 'done' }));
    const second = await rig({ apkStored: false });
    expect((await second.service.jobs()).map((u) => [u.id, u.status])).toEqual([
      ['20b00000-0000-4000-8000-000000000002', 'interrupted'],
      [JOB, 'done'],
    ]);
    expect(await second.service.resume('20b00000-0000-4000-8000-000000000002')).toEqual({ ok: false, reason: 'APK_NOT_STORED' });
    expect((await second.onDisk()).find((entry) => entry.spec.job_id === '20b00000-0000-4000-8000-000000000002')?.update).toMatchObject({ status: 'failed', error_code: 'APK_NOT_STORED' });
  });

  it('a damaged file starts empty instead of stopping main; the journal keeps running jobs and the newest finished ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'outpost-sideload-journal-'));
    await writeFile(join(dir, 'sideload-jobs.json'), '{"jobs": [ cut short');
    const fresh = await rig();
    expect(await fresh.service.jobs()).toEqual([]);
    const journal = new SideloadJournal(join(dir, 'bounded.json'));
    const base = (await fresh.service.start([spec()]), (await fresh.service.jobs())[0]!);
    const ids = Array.from({ length: JOURNAL_FINISHED_JOBS + 3 }, (_, i) => `30b00000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await journal.put({ spec: spec(ids[0]), update: { ...base, id: ids[0]!, status: 'transferring' } });
    await Promise.all(ids.slice(1).map((id) => journal.put({ spec: spec(id), update: { ...base, id, status: 'done' } })));
    const kept = (JSON.parse(await readFile(join(dir, 'bounded.json'), 'utf8')) as { jobs: Array<{ update: SideloadUpdate }> }).jobs;
    expect(kept).toHaveLength(JOURNAL_FINISHED_JOBS + 1);
    expect(kept[0]?.update).toMatchObject({ id: ids[0], status: 'transferring' });
    expect(kept.at(-1)?.update.id).toBe(ids.at(-1));
  });
});
