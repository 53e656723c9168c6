import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, open, readFile, readdir, rm, unlink, utimes, link, rename, copyFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

// The headset's filesystem lives in a host temp dir (so a 200 MB push never sits
// in memory and APK parsers can open the file by path). Device paths are mapped
// into it; free space is our own number, so "storage full" is a switch, not a disk.

export type FsErrorCode = 'ENOENT' | 'EACCES' | 'ENOSPC' | 'EEXIST' | 'EISDIR' | 'ENOTDIR' | 'ENOTEMPTY' | 'EROFS';

const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOSPC: 'No space left on device',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
};

/** Linux errno numbers, as sync STA2/LST2 put them on the wire. */
export const ERRNO: Record<FsErrorCode, number> = {
  ENOENT: 2,
  EACCES: 13,
  ENOSPC: 28,
  EEXIST: 17,
  EISDIR: 21,
  ENOTDIR: 20,
  ENOTEMPTY: 39,
  EROFS: 30,
};

export class FsError extends Error {
  constructor(readonly code: FsErrorCode) {
    super(STRERROR[code]);
  }
}

export interface StorageState {
  totalBytes: number;
  freeBytes: number;
}

export interface FileInfo {
  type: 'file' | 'dir' | 'other';
  size: number;
  /** Full st_mode, type bits included. */
  mode: number;
  mtimeSeconds: number;
  ino: number;
  uid: number;
  gid: number;
}

export const SHELL_UID = 2000;
export const SDCARD_RW_GID = 1015;

const INTERNAL_STORAGE = '/storage/emulated/0';
const ALIASES: Array<[string, string]> = [
  ['/sdcard', INTERNAL_STORAGE],
  ['/storage/self/primary', INTERNAL_STORAGE],
  ['/mnt/sdcard', INTERNAL_STORAGE],
];
const WRITABLE_ROOTS = ['/data/local/tmp', INTERNAL_STORAGE];
const SKELETON = [
  '/data/local/tmp',
  '/data/app',
  '/system/bin',
  '/vendor',
  `${INTERNAL_STORAGE}/Android/data`,
  `${INTERNAL_STORAGE}/Android/obb`,
  `${INTERNAL_STORAGE}/Download`,
  `${INTERNAL_STORAGE}/Movies`,
  `${INTERNAL_STORAGE}/Music`,
  `${INTERNAL_STORAGE}/Pictures`,
  `${INTERNAL_STORAGE}/Oculus/Screenshots`,
  `${INTERNAL_STORAGE}/Oculus/VideoShots`,
];

export function normalizeDevicePath(path: string, cwd = '/'): string {
  const absolute = posix.normalize(path.startsWith('/') ? path : posix.join(cwd, path));
  const trimmed = absolute.length > 1 ? absolute.replace(/\/+$/, '') : absolute;
  for (const [alias, target] of ALIASES) {
    if (trimmed === alias || trimmed.startsWith(`${alias}/`)) return target + trimmed.slice(alias.length);
  }
  return trimmed;
}

function within(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

/** Bytes going into one device file, charged against free space as they land. */
export class FileWriter {
  private written = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly storage: StorageState,
    readonly devicePath: string,
  ) {}

  get bytesWritten(): number {
    return this.written;
  }

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length > this.storage.freeBytes) throw new FsError('ENOSPC');
    this.storage.freeBytes -= chunk.length;
    this.written += chunk.length;
    await this.handle.write(chunk);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export class FakeFileSystem {
  private constructor(
    readonly root: string,
    private readonly storage: StorageState,
    private readonly ownsRoot: boolean,
  ) {}

  static async create(storage: StorageState, root?: string): Promise<FakeFileSystem> {
    const dir = root ?? (await mkdtemp(join(tmpdir(), 'quest-adbd-')));
    const fs = new FakeFileSystem(dir, storage, root === undefined);
    for (const path of SKELETON) await mkdir(fs.hostPath(path), { recursive: true });
    return fs;
  }

  async dispose(): Promise<void> {
    if (this.ownsRoot) await rm(this.root, { recursive: true, force: true });
  }

  hostPath(devicePath: string): string {
    return join(this.root, normalizeDevicePath(devicePath));
  }

  isWritable(devicePath: string): boolean {
    const path = normalizeDevicePath(devicePath);
    return WRITABLE_ROOTS.some((root) => within(path, root));
  }

  async stat(devicePath: string): Promise<FileInfo | null> {
    const path = normalizeDevicePath(devicePath);
    let stats: Stats;
    try {
      stats = await lstat(this.hostPath(path));
    } catch {
      return null;
    }
    const shellOwned = this.isWritable(path);
    return {
      type: stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other',
      size: stats.isDirectory() ? 4096 : stats.size,
      mode: stats.isDirectory() ? fsConstants.S_IFDIR | (stats.mode & 0o7777) : stats.mode,
      mtimeSeconds: Math.floor(stats.mtimeMs / 1000),
      ino: stats.ino,
      uid: shellOwned ? SHELL_UID : 0,
      gid: within(path, INTERNAL_STORAGE) ? SDCARD_RW_GID : shellOwned ? SHELL_UID : 0,
    };
  }

  async list(devicePath: string): Promise<Array<{ name: string; info: FileInfo }>> {
    const path = normalizeDevicePath(devicePath);
    const self = await this.stat(path);
    if (self === null) throw new FsError('ENOENT');
    if (self.type !== 'dir') throw new FsError('ENOTDIR');
    const names = (await readdir(this.hostPath(path))).sort();
    const entries: Array<{ name: string; info: FileInfo }> = [];
    for (const name of names) {
      const info = await this.stat(posix.join(path, name));
      if (info !== null) entries.push({ name, info });
    }
    return entries;
  }

  async readFile(devicePath: string): Promise<Buffer> {
    const info = await this.stat(devicePath);
    if (info === null) throw new FsError('ENOENT');
    if (info.type === 'dir') throw new FsError('EISDIR');
    return readFile(this.hostPath(devicePath));
  }

  async mkdirs(devicePath: string, options: { internal?: boolean } = {}): Promise<void> {
    const path = normalizeDevicePath(devicePath);
    const existing = await this.stat(path);
    if (existing !== null) {
      if (existing.type !== 'dir') throw new FsError('EEXIST');
      return;
    }
    if (options.internal !== true && !this.isWritable(path)) throw new FsError('EACCES');
    await mkdir(this.hostPath(path), { recursive: true });
  }

  async mkdir(devicePath: string): Promise<void> {
    const path = normalizeDevicePath(devicePath);
    if ((await this.stat(path)) !== null) throw new FsError('EEXIST');
    const parent = await this.stat(posix.dirname(path));
    if (parent === null) throw new FsError('ENOENT');
    if (!this.isWritable(path)) throw new FsError('EACCES');
    await mkdir(this.hostPath(path));
  }

  /** Creates or truncates a file (and its parent dirs, as adbd's secure_mkdirs does). */
  async openForWrite(devicePath: string, mode = 0o644, options: { internal?: boolean; append?: boolean } = {}): Promise<FileWriter> {
    const path = normalizeDevicePath(devicePath);
    if (options.internal !== true && !this.isWritable(path)) throw new FsError('EACCES');
    const existing = await this.stat(path);
    if (existing?.type === 'dir') throw new FsError('EISDIR');
    if (existing !== null && options.append !== true) await this.remove(path, { internal: true });
    await this.mkdirs(posix.dirname(path), { internal: true });
    const handle = await open(this.hostPath(path), options.append === true ? 'a' : 'w');
    await chmod(this.hostPath(path), mode & 0o7777);
    return new FileWriter(handle, this.storage, path);
  }

  async writeFile(devicePath: string, data: Buffer, options: { append?: boolean } = {}): Promise<void> {
    const writer = await this.openForWrite(devicePath, 0o666, options);
    try {
      await writer.write(data);
    } finally {
      await writer.close();
    }
  }

  async setMtime(devicePath: string, seconds: number): Promise<void> {
    await utimes(this.hostPath(devicePath), seconds, seconds);
  }

  /** Frees the space the removed files took. */
  async remove(devicePath: string, options: { recursive?: boolean; internal?: boolean } = {}): Promise<void> {
    const path = normalizeDevicePath(devicePath);
    const info = await this.stat(path);
    if (info === null) throw new FsError('ENOENT');
    if (options.internal !== true && !this.isWritable(path)) throw new FsError('EACCES');
    if (info.type === 'dir') {
      if (options.recursive !== true) throw new FsError('EISDIR');
      for (const entry of await this.list(path)) {
        await this.remove(posix.join(path, entry.name), { recursive: true, internal: true });
      }
      await rm(this.hostPath(path), { recursive: true, force: true });
      return;
    }
    await unlink(this.hostPath(path));
    this.storage.freeBytes += info.size;
  }

  async move(from: string, to: string): Promise<void> {
    if (!this.isWritable(from) || !this.isWritable(to)) throw new FsError('EACCES');
    if ((await this.stat(from)) === null) throw new FsError('ENOENT');
    await rename(this.hostPath(from), this.hostPath(to));
  }

  /** Moves within the device, e.g. a committed install session into /data/app. */
  async moveInternal(from: string, to: string): Promise<void> {
    if ((await this.stat(from)) === null) throw new FsError('ENOENT');
    await this.mkdirs(posix.dirname(to), { internal: true });
    await rename(this.hostPath(from), this.hostPath(to));
  }

  /**
   * Copies into a system-owned place (/data/app). A hard link keeps 200 MB installs
   * cheap on the host while the fake still charges the space, as a real copy would.
   */
  async copyInternal(from: string, to: string): Promise<void> {
    const info = await this.stat(from);
    if (info === null) throw new FsError('ENOENT');
    if (info.size > this.storage.freeBytes) throw new FsError('ENOSPC');
    await this.mkdirs(posix.dirname(to), { internal: true });
    try {
      await link(this.hostPath(from), this.hostPath(to));
    } catch {
      await copyFile(this.hostPath(from), this.hostPath(to));
    }
    this.storage.freeBytes -= info.size;
  }

  /** A fresh name under a directory, like PackageManager's random code paths. */
  static randomToken(): string {
    return randomBytes(16).toString('base64url').slice(0, 22);
  }
}
