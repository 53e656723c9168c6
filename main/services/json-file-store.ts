import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * A small JSON document on disk, validated on read and replaced atomically on write (write + rename), so a
 * crash mid-write leaves the previous version intact instead of a truncated file.
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
      await mkdir(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(value, null, 2), { mode: this.mode });
      await rename(temp, this.path);
    });
    this.#writes = next.catch(() => undefined);
    return next;
  }
}
