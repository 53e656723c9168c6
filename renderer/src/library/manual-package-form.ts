import { VR_TARGET_PLATFORMS } from '../../../shared/schemas/vr-package';
import type { VrTargetPlatform } from '../../../shared/schemas/vr-package';
import { codePointLength } from '../../../shared/text/code-point-length';

/** Limits in characters as a person counts them (code points), like every limit shown in the UI. */
export const TITLE_MAX = 120;
/** Version strings such as "1.0.7" or "2024.11-beta.3"; anything longer is a paste gone wrong. */
export const VERSION_MAX = 40;

export interface ManualPackageInput {
  readonly title: string;
  readonly version: string;
  readonly platforms: readonly string[];
}

export type ManualPackageError = 'titleRequired' | 'titleTooLong' | 'versionRequired' | 'versionTooLong' | 'platformsRequired';

export type ManualPackageCheck =
  | { ok: true; value: { title: string; version: string; target_platforms: VrTargetPlatform[] } }
  | { ok: false; errors: Partial<Record<'title' | 'version' | 'platforms', ManualPackageError>> };

function isPlatform(value: string): value is VrTargetPlatform {
  return (VR_TARGET_PLATFORMS as readonly string[]).includes(value);
}

/** Field-level checks for the by-hand form, returning i18n error keys rather than English text. */
export function checkManualPackage(input: ManualPackageInput): ManualPackageCheck {
  const title = input.title.trim();
  const version = input.version.trim();
  const platforms = input.platforms.filter(isPlatform);
  const errors: Partial<Record<'title' | 'version' | 'platforms', ManualPackageError>> = {};
  if (title === '') errors.title = 'titleRequired';
  else if (codePointLength(title) > TITLE_MAX) errors.title = 'titleTooLong';
  if (version === '') errors.version = 'versionRequired';
  else if (codePointLength(version) > VERSION_MAX) errors.version = 'versionTooLong';
  if (platforms.length === 0) errors.platforms = 'platformsRequired';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, version, target_platforms: platforms } };
}
