import { z } from 'zod';
import { isoDateTimeSchema, nonEmptyStringSchema, uuidSchema } from './common';

/**
 * A member of the cached roster: who may sign in at a kiosk. The seeds identify users by uuid (user_id)
 * and group them by tenant; display names are what learners recognise themselves by on a shared screen.
 */
export const learnerSchema = z.object({
  id: uuidSchema,
  tenant_id: uuidSchema,
  display_name: nonEmptyStringSchema.max(120),
  role: z.enum(['learner', 'instructor']),
  updated_at: isoDateTimeSchema,
});
export type Learner = z.infer<typeof learnerSchema>;

/** A roster file an instructor imports on an offline kiosk (the same shape the catalog pull stores). */
export const rosterImportSchema = z.object({
  tenant_id: uuidSchema,
  learners: z
    .array(learnerSchema.pick({ id: true, display_name: true, role: true }).extend({ role: z.enum(['learner', 'instructor']).default('learner') }))
    .min(1)
    .max(5000),
});
export type RosterImport = z.infer<typeof rosterImportSchema>;
