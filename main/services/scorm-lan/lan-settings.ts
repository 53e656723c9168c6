import { z } from 'zod';
import { LAN_LIMITS } from '../../../shared/scorm/lan-wire';
import { JsonFileStore } from '../json-file-store';

/** The instructor's choice, kept in `<data folder>/scorm-lan.json`: sharing stays off until turned on. */
export const lanSettingsSchema = z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65_535) }).strict();
export type LanSettings = z.infer<typeof lanSettingsSchema>;

export const DEFAULT_LAN_SETTINGS: LanSettings = { enabled: false, port: LAN_LIMITS.defaultPort };

export function lanSettingsStore(path: string): JsonFileStore<LanSettings> {
  return new JsonFileStore(path, lanSettingsSchema, DEFAULT_LAN_SETTINGS);
}
