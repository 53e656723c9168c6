import { z } from 'zod';
import { UI_LOCALES } from './i18n/locales';

/** Device-wide preferences kept by main (they outlive a wiped IndexedDB and are shared by all windows). */
export const settingsSchema = z.object({
  locale: z.enum(UI_LOCALES).nullable(),
  kioskName: z.string().trim().min(1).max(80).nullable(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { locale: null, kioskName: null, apiBaseUrl: null };

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
