import { z } from 'zod';

export const HEADSET_MODELS = ['Quest', 'Quest 2', 'Quest Pro', 'Quest 3', 'Quest 3S'] as const;

/** What the adb server tells us about a device, plus what we read from it while it was attached. */
export const headsetSchema = z.object({
  serial: z.string().min(1),
  state: z.enum(['device', 'unauthorized', 'offline', 'disconnected']),
  /** ro.product.model as reported; unknown models are kept, not rejected, so new hardware still shows. */
  model: z.string().nullable(),
  battery_level: z.number().int().min(0).max(100).nullable(),
  free_bytes: z.number().int().nonnegative().nullable(),
  total_bytes: z.number().int().nonnegative().nullable(),
  installed: z.array(z.object({ package_name: z.string(), version_code: z.number().int() })),
  label: z.string().max(40).nullable(),
  last_seen_at: z.iso.datetime(),
});
export type Headset = z.infer<typeof headsetSchema>;
