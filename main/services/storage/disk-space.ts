import { statfs } from 'node:fs/promises';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import { KIOSK_DISK_RULE, storageLevel } from '../../../shared/storage/disk-space';

/**
 * Free and total bytes of the file system holding `dir` (the data folder: APK store, SCORM courses,
 * settings), as an unprivileged process may use them (`bavail`, not `bfree`). Null when the OS will not say.
 */
export async function diskSpaceOf(dir: string): Promise<DiskSpace | null> {
  try {
    const fs = await statfs(dir);
    const free = Number(fs.bavail) * Number(fs.bsize);
    const total = Number(fs.blocks) * Number(fs.bsize);
    if (!Number.isFinite(free) || !Number.isFinite(total) || free < 0 || total < 0) return null;
    return { free_bytes: Math.floor(free), total_bytes: Math.floor(total), level: storageLevel(free, total, KIOSK_DISK_RULE) };
  } catch {
    return null;
  }
}
