import { join } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/settings';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { JsonFileStore } from './json-file-store';

export class SettingsService {
  readonly #store: JsonFileStore<Settings>;
  #current: Promise<Settings>;
  // Updates are serialised so two windows changing different fields at once never lose one of them.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly onChange: (settings: Settings) => void,
  ) {
    this.#store = new JsonFileStore(join(dataDir, 'settings.json'), settingsSchema, DEFAULT_SETTINGS);
    this.#current = this.#store.read();
  }

  get(): Promise<Settings> {
    return this.#current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const run = this.#queue.then(async () => {
      const next = settingsSchema.parse({ ...(await this.#current), ...patch });
      await this.#store.write(next);
      this.#current = Promise.resolve(next);
      return next;
    });
    this.#queue = run.catch(() => undefined);
    const next = await run;
    this.onChange(next);
    return next;
  }
}
