import { z } from 'zod';
import type { DecodedManifest } from './manifest-decoder';

const LAUNCH_CATEGORIES = new Set(['android.intent.category.LAUNCHER', 'com.oculus.intent.category.VR', 'android.intent.category.INFO']);

const javaName = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/).max(256);
const packageName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/).max(255);
const sdk = z.number().int().min(1).max(1000);

/** What main accepts from the decoder: anything outside these shapes refuses the APK. */
const fieldsSchema = z.object({
  package: packageName,
  versionCode: z.number().int().min(0).max(0x7fffffff),
  versionCodeMajor: z.number().int().min(0).max(0x7fffffff).nullable(),
  versionName: z.string().max(256).nullable().catch(null),
  minSdk: sdk.nullable(),
  targetSdk: sdk.nullable(),
  label: z.string().max(256).nullable().catch(null),
});

export interface ManifestFields {
  readonly package_name: string;
  /** The long versionCode (versionCodeMajor << 32 | versionCode) when it fits a double exactly. */
  readonly version_code: number;
  readonly version_name: string | null;
  readonly label: string | null;
  readonly min_sdk: number | null;
  readonly target_sdk: number | null;
  /** A MAIN activity with a launcher (or Quest VR) category, as "com.x.Main" or ".Main"; null: none. */
  readonly launch_activity: string | null;
}

export class ManifestFieldError extends Error {
  override readonly name = 'ManifestFieldError';
}

export function validateManifest(decoded: DecodedManifest): ManifestFields {
  const parsed = fieldsSchema.safeParse(decoded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestFieldError(`The manifest's ${issue?.path.join('.') || 'fields'} is missing or not valid`);
  }
  const fields = parsed.data;
  const longCode = BigInt(fields.versionCodeMajor ?? 0) * 2n ** 32n + BigInt(fields.versionCode);
  if (longCode > BigInt(Number.MAX_SAFE_INTEGER)) throw new ManifestFieldError('The versionCodeMajor is beyond what Outpost can compare exactly');
  const launcher = decoded.activities.find((a) => a.main && a.categories.some((c) => typeof c === 'string' && LAUNCH_CATEGORIES.has(c)));
  const activity = launcher ? z.string().max(256).safeParse(launcher.name) : null;
  const launchActivity = activity?.success && (javaName.safeParse(activity.data.replace(/^\./, '')).success) ? activity.data : null;
  const label = fields.label !== null && !fields.label.startsWith('@') ? fields.label : null;
  return {
    package_name: fields.package,
    version_code: Number(longCode),
    version_name: fields.versionName,
    label,
    min_sdk: fields.minSdk,
    target_sdk: fields.targetSdk,
    launch_activity: launchActivity,
  };
}
