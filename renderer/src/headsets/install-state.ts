import type { Headset } from '../../../shared/headsets/headset';
import { platformOfModel } from '../../../shared/headsets/quest-platform';
import type { VrTargetPlatform } from '../../../shared/schemas/vr-package';

export type InstallState =
  | { readonly kind: 'upToDate' }
  | { readonly kind: 'older'; readonly installed: number; readonly library: number }
  | { readonly kind: 'newer'; readonly installed: number; readonly library: number }
  | { readonly kind: 'notInstalled' }
  /** Not there, and main would refuse to put it there: said up front so nobody waits for an install. */
  | { readonly kind: 'notForModel' }
  /** A package added by hand has no APK details to compare with. */
  | { readonly kind: 'unknown' };

export interface LibraryVersion {
  readonly package_name?: string | undefined;
  readonly version_code?: number | undefined;
  readonly target_platforms?: readonly VrTargetPlatform[];
}

/** The headset's copy of a library package against the library's version, by Android versionCode. */
export function installState(headset: Pick<Headset, 'installed' | 'model'>, pkg: LibraryVersion): InstallState {
  if (!pkg.package_name) return { kind: 'unknown' };
  const installed = headset.installed.find((p) => p.package_name === pkg.package_name);
  if (!installed) {
    const platform = platformOfModel(headset.model);
    return platform && pkg.target_platforms && !pkg.target_platforms.includes(platform) ? { kind: 'notForModel' } : { kind: 'notInstalled' };
  }
  if (pkg.version_code === undefined) return { kind: 'unknown' };
  if (installed.version_code === pkg.version_code) return { kind: 'upToDate' };
  const versions = { installed: installed.version_code, library: pkg.version_code };
  return installed.version_code < pkg.version_code ? { kind: 'older', ...versions } : { kind: 'newer', ...versions };
}
