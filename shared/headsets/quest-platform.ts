import type { VrTargetPlatform } from '../schemas/vr-package';

/**
 * ro.product.model as Quest headsets report it, mapped to the seed's target_platforms values. Matching is
 * on the model string because that is what a headset tells an adb client without extra permissions.
 */
const MODEL_TO_PLATFORM: ReadonlyArray<[RegExp, VrTargetPlatform]> = [
  [/^quest\s*3s$/i, 'quest3s'],
  [/^quest\s*3$/i, 'quest3'],
  [/^quest\s*pro$/i, 'quest_pro'],
  [/^quest\s*2$/i, 'quest2'],
  [/^quest$/i, 'quest'],
];

export function platformOfModel(model: string | null): VrTargetPlatform | null {
  if (!model) return null;
  const trimmed = model.trim();
  return MODEL_TO_PLATFORM.find(([pattern]) => pattern.test(trimmed))?.[1] ?? null;
}

export function runsOn(targets: readonly VrTargetPlatform[], model: string | null): boolean {
  const platform = platformOfModel(model);
  return platform !== null && targets.includes(platform);
}
