import { rm } from 'node:fs/promises';
import { lrsConfigSchema } from '../../../shared/xapi/lrs-config';
import type { LrsConfig } from '../../../shared/xapi/lrs-config';
import { JsonFileStore } from '../json-file-store';

/** The LRS's address and credentials, in a 0600 file under the data folder (main only). */
export class LrsConfigStore {
  readonly #file: JsonFileStore<LrsConfig | null>;

  constructor(private readonly path: string) {
    this.#file = new JsonFileStore(path, lrsConfigSchema.nullable(), null, 0o600);
  }

  get(): Promise<LrsConfig | null> {
    return this.#file.read();
  }

  async set(config: LrsConfig): Promise<void> {
    await this.#file.write(lrsConfigSchema.parse(config));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
