import { z } from 'zod';
import { vrTargetPlatformSchema } from '../schemas/vr-package';
import { sideloadJobSchema } from './sideload-job';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const androidPackage = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/);

/** What the renderer asks main to put on one headset; main finds the files in its store by checksum. */
export const sideloadJobSpecSchema = z.object({
  job_id: z.uuid(),
  serial: z.string().min(1).max(128),
  package_id: z.uuid(),
  vr_session_id: z.uuid().nullable(),
  apk_sha256: sha256,
  package_name: androidPackage,
  version_code: z.number().int().positive(),
  target_platforms: z.array(vrTargetPlatformSchema).min(1),
  obb_files: z.array(z.object({ name: z.string().regex(/^[^/\\]+$/), sha256 })).default([]),
  /**
   * The instructor's answer to "uninstall first?" after INSTALL_FAILED_UPDATE_INCOMPATIBLE: the copy on the
   * headset (signed by someone else) is removed, with its data, before this one is installed.
   */
  uninstall_first: z.boolean().optional(),
});
export type SideloadJobSpec = z.infer<typeof sideloadJobSpecSchema>;

export const sideloadUpdateSchema = sideloadJobSchema.omit({ created_at: true, updated_at: true }).extend({
  /** When bytes started moving to this headset (a learner's download_started_at). */
  transfer_started_at: z.iso.datetime().nullable(),
  /** When the transfer ended with the install verified (kept equal to install_verified_at). */
  transfer_completed_at: z.iso.datetime().nullable(),
  /** When the headset confirmed the installed versionCode (a learner's download_completed_at). */
  install_verified_at: z.iso.datetime().nullable().optional(),
  at: z.iso.datetime(),
});
export type SideloadUpdate = z.infer<typeof sideloadUpdateSchema>;

export const launchRequestSchema = z.object({
  serial: z.string().min(1).max(128),
  package_name: androidPackage,
  launch_activity: z.string().max(256).nullable(),
  /**
   * An auto_detect session the app on this headset should report to: main mints its launch token, opens
   * `adb reverse` and passes both as intent extras (docs/api/headset-api.md).
   */
  headset_api_session_id: z.uuid().optional(),
});

export const launchResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    serial: z.string(),
    via: z.enum(['am_start', 'monkey']),
    confirmed_at: z.iso.datetime(),
    /** Asked for a headset-reported session: 'ready' when the app got its token and port, else why not. */
    headset_api: z.enum(['ready', 'no_reverse', 'no_extras']).optional(),
  }),
  z.object({ ok: z.literal(false), serial: z.string(), code: z.enum(['LAUNCH_FAILED', 'NOT_IN_FOREGROUND', 'HEADSET_ASLEEP']), message: z.string() }),
]);
export type LaunchResult = z.infer<typeof launchResultSchema>;

export const adbStatusSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), started: z.boolean() }),
  z.object({ ok: z.literal(false), reason: z.enum(['adb_missing', 'start_failed']), message: z.string() }),
]);
export type AdbStatus = z.infer<typeof adbStatusSchema>;

/** An APK or OBB accepted into main's package store, as the upload endpoint answers. */
export const storedFileSchema = z.object({
  kind: z.enum(['apk', 'obb']),
  sha256,
  size_bytes: z.number().int().nonnegative(),
  file_name: z.string(),
  apk: z
    .object({
      package_name: androidPackage,
      version_code: z.number().int(),
      version_name: z.string().nullable(),
      label: z.string().nullable(),
      min_sdk: z.number().int().nullable(),
      launch_activity: z.string().nullable(),
      target_sdk: z.number().int().nullable().optional(),
      /** ABIs with native code; empty: none (runs on any ABI). */
      native_abis: z.array(z.string()).optional(),
      /** Accepted, but the instructor should know: no launcher activity, or native code without arm64. */
      warnings: z.array(z.enum(['NO_LAUNCHER_ACTIVITY', 'NO_ARM64_CODE'])).optional(),
      signature_hash: z.string().nullable().optional(),
    })
    .nullable(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;
