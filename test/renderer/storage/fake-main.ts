import type { DiskSpace } from '../../../shared/storage/disk-space';
import { GIB, KIOSK_DISK_RULE, storageLevel } from '../../../shared/storage/disk-space';
import type { Result } from '../../../shared/ipc/result';
import { IpcClient } from '../../../renderer/src/bridge/ipc-client';

/** main's `storage:status` answer for a disk with this much free of this total, levelled by main's own rule. */
export function diskOf(freeGib: number, totalGib: number): DiskSpace {
  const free_bytes = Math.round(freeGib * GIB);
  const total_bytes = Math.round(totalGib * GIB);
  return { free_bytes, total_bytes, level: storageLevel(free_bytes, total_bytes, KIOSK_DISK_RULE) };
}

/** An IpcClient whose main answers `storage:status` with `answer`; it records the channels asked. */
export function fakeMain(answer: () => Promise<Result<unknown>>): { ipc: IpcClient; asked: string[] } {
  const asked: string[] = [];
  const ipc = new IpcClient({
    invoke: async (channel) => {
      asked.push(channel);
      if (channel === 'storage:status') return answer();
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    },
    on: () => () => undefined,
  });
  return { ipc, asked };
}
