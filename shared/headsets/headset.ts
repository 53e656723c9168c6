import { z } from 'zod';

export const HEADSET_MODELS = ['Quest', 'Quest 2', 'Quest Pro', 'Quest 3', 'Quest 3S'] as const;

/** What the adb server tells us about a device, plus what we read from it while it was attached. */
export const headsetSchema = z.object({
  serial: z.string().min(1),
  /**
   * no_permissions: plugged in over USB, but this computer's user may not open the USB device (Linux without
   * the udev rule for it): the adb server lists it and can do nothing with it.
   */
  state: z.enum(['device', 'unauthorized', 'offline', 'disconnected', 'no_permissions']),
  /** ro.product.model as reported; unknown models are kept, not rejected, so new hardware still shows. */
  model: z.string().nullable(),
  battery_level: z.number().int().min(0).max(100).nullable(),
  free_bytes: z.number().int().nonnegative().nullable(),
  total_bytes: z.number().int().nonnegative().nullable(),
  /**
   * version_code is exact up to 2^53; Android's long versionCode can go further, and then version_code is
   * Number.MAX_SAFE_INTEGER (a lower bound, right for "newer than the library") and the exact value is in
   * version_code_exact.
   */
  installed: z.array(z.object({ package_name: z.string(), version_code: z.number().int(), version_code_exact: z.string().regex(/^-?\d{1,19}$/).optional() })),
  label: z.string().max(40).nullable(),
  last_seen_at: z.iso.datetime(),
});
export type Headset = z.infer<typeof headsetSchema>;

/** A headset's long versionCode as the list carries it: a number while exact, a lower bound and the digits beyond. */
export function listedVersion(versionCode: bigint): { version_code: number; version_code_exact?: string } {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (versionCode <= max && versionCode >= -max) return { version_code: Number(versionCode) };
  return { version_code: versionCode > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER, version_code_exact: versionCode.toString() };
}
