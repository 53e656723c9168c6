import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * Writes `text` to `path` so that a crash (a killed process or a power cut) at any moment leaves either the
 * previous file or the new one, never a mix: the text goes to a temporary file beside it, which is flushed
 * to disk (fsync) before it is renamed over `path`, and the folder is flushed after so the rename itself
 * is on disk. Without the first fsync a power cut can leave the renamed file empty.
 */
export async function writeFileDurably(path: string, text: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w', mode);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
  await syncFolder(dirname(path));
}

/** fsync of a folder makes a rename in it durable; platforms that cannot open a folder (Windows) skip it. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // EISDIR/EPERM/EINVAL on platforms without folder fsync: the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * A small JSON document on disk, validated on read and replaced atomically and durably on write
 * (writeFileDurably), so a crash mid-write leaves the previous version intact instead of a truncated file.
 */
export class JsonFileStore<T> {
  #writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: T,
    private readonly mode = 0o600,
    /** 'throw' for files that must fail closed (a damaged credential must not read as "none set"). */
    private readonly onInvalid: 'fallback' | 'throw' = 'fallback',
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.fallback;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = this.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    if (this.onInvalid === 'throw') throw new Error(`${this.path} is damaged`);
    // A file edited by hand into an invalid shape must not stop the app from starting.
    return this.fallback;
  }

  write(value: T): Promise<void> {
    const next = this.#writes.then(async () => {
      await writeFileDurably(this.path, JSON.stringify(value, null, 2), this.mode);
    });
    this.#writes = next.catch(() => undefined);
    return next;
  }
}
