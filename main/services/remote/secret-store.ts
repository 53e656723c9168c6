import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { JsonFileStore } from '../json-file-store';

/** Where main keeps the remote API token. The renderer never sees it. */
export interface SecretStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
}

const fileSchema = z.object({ token: z.string().min(1) });

/**
 * The headless host's store: a 0600 file in the data folder (the Electron shell encrypts with the OS
 * keychain through safeStorage instead). Readable only by the user who runs Outpost.
 */
export class FileSecretStore implements SecretStore {
  readonly #file: JsonFileStore<{ token: string } | null>;

  constructor(private readonly path: string) {
    this.#file = new JsonFileStore(path, fileSchema.nullable(), null, 0o600);
  }

  async get(): Promise<string | null> {
    return (await this.#file.read())?.token ?? null;
  }

  async set(token: string): Promise<void> {
    await this.#file.write({ token });
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

/** For stores that keep an opaque encrypted blob (Electron's safeStorage). */
export interface BlobCodec {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

export class EncryptedFileSecretStore implements SecretStore {
  constructor(
    private readonly path: string,
    private readonly codec: BlobCodec,
    private readonly write: (path: string, data: Buffer) => Promise<void>,
  ) {}

  async get(): Promise<string | null> {
    try {
      return this.codec.decrypt(await readFile(this.path));
    } catch {
      return null;
    }
  }

  async set(token: string): Promise<void> {
    await this.write(this.path, this.codec.encrypt(token));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
