import { z } from 'zod';

/**
 * When storage counts as running out (docs/decisions.md, Storage). One rule for the kiosk's disk, the
 * browser's quota for the app's database, and a headset's storage, so every warning means the same thing:
 * `low` — plan to free space soon; `critical` — the next large write may fail.
 */
export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

export const STORAGE_LEVELS = ['ok', 'low', 'critical'] as const;
export type StorageLevel = (typeof STORAGE_LEVELS)[number];

export interface SpaceRule {
  /** Under this share of the total free: low. */
  readonly lowShare: number;
  /** Under this many bytes free: low, whatever the share. */
  readonly lowBytes: number;
  /** Under this many bytes free: critical. */
  readonly criticalBytes: number;
}

/** The kiosk's data folder: a SCORM course or an APK is hundreds of MB to a few GB. */
export const KIOSK_DISK_RULE: SpaceRule = { lowShare: 0.1, lowBytes: 5 * GIB, criticalBytes: 1 * GIB };
/** A headset: Quest apps are 1–4 GB each; under 2 GiB the next install is likely refused. */
export const HEADSET_RULE: SpaceRule = { lowShare: 0.1, lowBytes: 4 * GIB, criticalBytes: 2 * GIB };
/** The browser's quota for the app's database: records are small, so shares matter more than bytes. */
export const BROWSER_QUOTA_RULE: SpaceRule = { lowShare: 0.2, lowBytes: 256 * MIB, criticalBytes: 64 * MIB };

/** What an import must leave free on the kiosk's disk (the database and the OS need room too). */
export const KIOSK_RESERVE_BYTES = KIOSK_DISK_RULE.criticalBytes;

export function storageLevel(freeBytes: number, totalBytes: number, rule: SpaceRule): StorageLevel {
  if (freeBytes < rule.criticalBytes) return 'critical';
  if (freeBytes < rule.lowBytes || (totalBytes > 0 && freeBytes < totalBytes * rule.lowShare)) return 'low';
  return 'ok';
}

/** `storage:status`: the data folder's file system as main sees it (fs.statfs); no path, so it is safe to show anyone. */
export const diskSpaceSchema = z.object({
  free_bytes: z.number().int().nonnegative(),
  total_bytes: z.number().int().nonnegative(),
  level: z.enum(STORAGE_LEVELS),
});
export type DiskSpace = z.infer<typeof diskSpaceSchema>;
