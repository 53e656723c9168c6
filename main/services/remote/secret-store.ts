import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { IpcFailure } from '../../../shared/ipc/result';
import { JsonFileStore } from '../json-file-store';

/**
 * The device token together with the API origin it was given for: main sends it to that origin only,
 * so changing the API address never hands the token to another server.
 */
export const deviceTokenSchema = z.object({ origin: z.string().min(1).max(2048), token: z.string().min(1).max(4096) });
export type DeviceToken = z.infer<typeof deviceTokenSchema>;

export interface StoreOptions {
  /** The user agreed to keep the token where the OS offers no encryption. */
  readonly allowPlainText?: boolean;
}

/** Where main keeps the remote API token. The renderer never sees it. */
export interface SecretStore {
  get(): Promise<DeviceToken | null>;
  set(value: DeviceToken, options?: StoreOptions): Promise<void>;
  clear(): Promise<void>;
}

/**
 * The headless host's store: a 0600 file in the data folder (the Electron shell encrypts with the OS
 * keychain through safeStorage instead). Readable only by the user who runs Outpost. A file from before
 * tokens were bound to an origin no longer parses, so such a token is simply asked for again.
 */
export class FileSecretStore implements SecretStore {
  readonly #file: JsonFileStore<DeviceToken | null>;

  constructor(private readonly path: string) {
    this.#file = new JsonFileStore(path, deviceTokenSchema.nullable(), null, 0o600);
  }

  get(): Promise<DeviceToken | null> {
    return this.#file.read();
  }

  async set(value: DeviceToken): Promise<void> {
    await this.#file.write(deviceTokenSchema.parse(value));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

/** For stores that keep an opaque encrypted blob (Electron's safeStorage). */
export interface BlobCodec {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  /** Null when the OS keychain holds the key; otherwise why the blob would be as good as plain text. */
  weakness(): 'basic_text' | 'unavailable' | null;
}

// Marks a token kept unencrypted with the user's consent, so reading never feeds it to decrypt().
const PLAIN_PREFIX = Buffer.from('outpost-plain-text\n');

export class EncryptedFileSecretStore implements SecretStore {
  constructor(
    private readonly path: string,
    private readonly codec: BlobCodec,
    private readonly write: (path: string, data: Buffer) => Promise<void>,
  ) {}

  async get(): Promise<DeviceToken | null> {
    try {
      const blob = await readFile(this.path);
      const text = blob.subarray(0, PLAIN_PREFIX.length).equals(PLAIN_PREFIX) ? blob.subarray(PLAIN_PREFIX.length).toString('utf8') : this.codec.decrypt(blob);
      return deviceTokenSchema.parse(JSON.parse(text));
    } catch {
      return null;
    }
  }

  async set(value: DeviceToken, options: StoreOptions = {}): Promise<void> {
    const weakness = this.codec.weakness();
    if (weakness !== null && options.allowPlainText !== true) {
      throw new IpcFailure('INSECURE_STORAGE', 'This computer offers no keychain to encrypt the token; it would be stored as plain text', { backend: weakness });
    }
    const text = JSON.stringify(deviceTokenSchema.parse(value));
    await this.write(this.path, weakness === 'unavailable' ? Buffer.concat([PLAIN_PREFIX, Buffer.from(text, 'utf8')]) : this.codec.encrypt(text));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
