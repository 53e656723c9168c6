import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskSpaceOf } from '../../../../main/services/storage/disk-space';
import { bytesNeeded, guardUploadSpace } from '../../../../main/services/storage/upload-space-guard';
import { GIB, KIOSK_RESERVE_BYTES } from '../../../../shared/storage/disk-space';
import type { DiskSpace } from '../../../../shared/storage/disk-space';
import { SCORM_UPLOAD_PATH } from '../../../../shared/scorm/scorm-ipc-contract';

describe('diskSpaceOf', () => {
  it('reads the data folder’s file system, and says null for a folder that is not there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outpost-disk-'));
    try {
      const space = await diskSpaceOf(dir);
      expect(space).not.toBeNull();
      expect(space!.total_bytes).toBeGreaterThan(0);
      expect(space!.free_bytes).toBeLessThanOrEqual(space!.total_bytes);
      expect(['ok', 'low', 'critical']).toContain(space!.level);
      expect(await diskSpaceOf(join(dir, 'missing'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('guardUploadSpace', () => {
  const disk = (free: number): DiskSpace => ({ free_bytes: free, total_bytes: 100 * GIB, level: 'ok' });
  const upload = (path: string, size: number | null) =>
    new Request(`http://127.0.0.1:1${path}`, { method: 'PUT', headers: size === null ? {} : { 'content-length': String(size) }, body: 'x', duplex: 'half' } as RequestInit);

  function guarded(free: number | null) {
    const passed: string[] = [];
    const handler = guardUploadSpace(async (request) => {
      passed.push(new URL(request.url).pathname);
      return new Response('{"ok":true}');
    }, async () => (free === null ? null : disk(free)));
    return { handler, passed };
  }

  it('lets through what fits with the reserve kept free', async () => {
    const { handler, passed } = guarded(3 * GIB);
    expect((await handler(upload('/upload/apk?name=a.apk', 1 * GIB))).status).toBe(200);
    expect(passed).toEqual(['/upload/apk']);
  });

  it('refuses an APK that would eat into the reserve with 507 and the store’s own WRITE_FAILED code, never calling the store', async () => {
    const { handler, passed } = guarded(2 * GIB);
    const res = await handler(upload('/upload/apk?name=a.apk', Math.floor(1.5 * GIB)));
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'WRITE_FAILED', message: expect.stringMatching(/Not enough free disk space on this kiosk: the import needs about 1\.5 GiB and 1\.0 GiB must stay free, but only 2\.0 GiB is free\./) } });
    expect(passed).toEqual([]);
  });

  it('counts a SCORM zip twice (spooled, then unpacked) and answers INSUFFICIENT_STORAGE', async () => {
    expect(bytesNeeded(SCORM_UPLOAD_PATH, 100)).toBe(200);
    const { handler, passed } = guarded(KIOSK_RESERVE_BYTES + 1.5 * GIB);
    const res = await handler(upload(SCORM_UPLOAD_PATH, 1 * GIB));
    expect(res.status).toBe(507);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STORAGE' } });
    expect(passed).toEqual([]);
  });

  it('goes on when it cannot know: no length, or the OS will not say', async () => {
    expect((await guarded(0).handler(upload('/upload/apk?name=a.apk', null))).status).toBe(200);
    expect((await guarded(null).handler(upload('/upload/apk?name=a.apk', 10 * GIB))).status).toBe(200);
  });
});
