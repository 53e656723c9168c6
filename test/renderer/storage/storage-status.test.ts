import { describe, expect, it } from 'vitest';
import { readKioskDisk, readStorageStatus } from '../../../renderer/src/storage/use-storage-status';
import { diskOf, fakeMain } from './fake-main';

describe('readStorageStatus', () => {
  it('reads persistence and quota from the browser and the kiosk disk from main', async () => {
    const disk = diskOf(3, 200);
    const { ipc, asked } = fakeMain(async () => ({ ok: true, value: disk }));
    const status = await readStorageStatus(ipc, { persisted: async () => true, estimate: async () => ({ usage: 5_000_000, quota: 80_000_000 }) });
    expect(status).toEqual({ persisted: true, quota: { usage: 5_000_000, quota: 80_000_000 }, disk, loaded: true });
    expect(disk.level).toBe('low');
    expect(asked).toEqual(['storage:status']);
  });

  it('says unknown (null) for what main or the browser does not tell, and is still loaded', async () => {
    const refused = fakeMain(async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'no statfs' } }));
    expect(await readStorageStatus(refused.ipc, null)).toEqual({ persisted: null, quota: null, disk: null, loaded: true });
    const noDisk = fakeMain(async () => ({ ok: true, value: null }));
    expect(await readKioskDisk(noDisk.ipc)).toBeNull();
    const broken = fakeMain(() => Promise.reject(new Error('socket closed')));
    expect(await readKioskDisk(broken.ipc)).toBeNull();
  });
});
