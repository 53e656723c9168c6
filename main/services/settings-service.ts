import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, apiBaseUrlSchema, settingsSchema } from '../../shared/settings';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { JsonFileStore } from './json-file-store';

/**
 * The file as older versions may have left it: a field added later takes its default, and an API
 * address today's rules refuse (plain http to another machine) is dropped rather than trusted, without
 * losing the other settings.
 */
const storedSettingsSchema = settingsSchema.extend({
  kioskMode: z.boolean().default(false),
  apiBaseUrl: apiBaseUrlSchema.nullable().catch(null),
});

export class SettingsService {
  readonly #store: JsonFileStore<Settings>;
  #current: Promise<Settings>;
  // Updates are serialised so two windows changing different fields at once never lose one of them.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly onChange: (settings: Settings) => void,
  ) {
    this.#store = new JsonFileStore<Settings>(join(dataDir, 'settings.json'), storedSettingsSchema, DEFAULT_SETTINGS);
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
