import { z } from 'zod';

export const SIDELOAD_JOB_STATUSES = [
  'queued',
  'transferring',
  'installing',
  'verifying',
  'done',
  'skipped',
  'failed',
  'cancelled',
  /** Main stopped (killed, crashed, lost power) while the job ran; an instructor may resume it. */
  'interrupted',
] as const;

/** One APK (and its OBBs) going to one headset; a classroom install is one job per headset. */
export const sideloadJobSchema = z.object({
  id: z.uuid(),
  serial: z.string().min(1),
  package_id: z.uuid(),
  vr_session_id: z.uuid().nullable(),
  status: z.enum(SIDELOAD_JOB_STATUSES),
  bytes_total: z.number().int().nonnegative(),
  bytes_sent: z.number().int().nonnegative(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type SideloadJob = z.infer<typeof sideloadJobSchema>;
