import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from './common';

export const VR_TARGET_PLATFORMS = ['quest', 'quest2', 'quest3', 'quest3s', 'quest_pro'] as const;
export const vrTargetPlatformSchema = z.enum(VR_TARGET_PLATFORMS);
export type VrTargetPlatform = z.infer<typeof vrTargetPlatformSchema>;

/** The `package` object the VR session endpoints embed in every session. */
export const vrPackageSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  version: z.string(),
  target_platforms: z.array(vrTargetPlatformSchema),
});
export type VrPackageSummary = z.infer<typeof vrPackageSummarySchema>;

/**
 * The seeds only ever show a package embedded in a session, so the remote package entity is taken to be
 * exactly those four fields until the VR Packages API is part of the contract.
 */
export const vrPackageSchema = vrPackageSummarySchema;
export type VrPackage = z.infer<typeof vrPackageSchema>;

const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Must be a lowercase hex SHA-256 digest');

/** Android's own rule for the manifest `package`; checking on import beats a failed `pm install` in class. */
export const androidPackageNameSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/,
    'Must be an Android application id such as com.example.app',
  );
export type AndroidPackageName = z.infer<typeof androidPackageNameSchema>;

export const obbFileSchema = z.object({
  /** Becomes a file name under /sdcard/Android/obb/<package>/ on the headset, so no path separators. */
  name: z
    .string()
    .regex(/^[^/\\]+$/, 'Must be a bare file name')
    .refine((name) => name !== '.' && name !== '..', 'Must be a bare file name'),
  size_bytes: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});
export type ObbFile = z.infer<typeof obbFileSchema>;

/**
 * A package as the local store keeps it. The extras come from reading the APK on import; they are
 * optional because packages pulled from the catalog are known before their APK has been downloaded.
 * Hashes are lowercase so they compare by plain string equality.
 */
export const vrPackageRecordSchema = vrPackageSchema.extend({
  package_name: androidPackageNameSchema.optional(),
  /** Android caps versionCode at 2100000000. */
  version_code: z.number().int().positive().max(2_100_000_000).optional(),
  version_name: z.string().optional(),
  label: z.string().optional(),
  min_sdk: z.number().int().positive().optional(),
  /** The launcher activity from the manifest, so a launch can use `am start -W` rather than monkey. */
  launch_activity: z.string().max(256).optional(),
  apk_sha256: sha256HexSchema.optional(),
  apk_size_bytes: z.number().int().nonnegative().optional(),
  obb_files: z.array(obbFileSchema).optional(),
  imported_at: isoDateTimeSchema.optional(),
});
export type VrPackageRecord = z.infer<typeof vrPackageRecordSchema>;

