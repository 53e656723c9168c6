import { z } from 'zod';

/** The instructor passphrase: at least this many characters (any script; a long PIN is fine too). */
export const INSTRUCTOR_SECRET_MIN_LENGTH = 8;
export const INSTRUCTOR_SECRET_MAX_LENGTH = 256;

// Length is bounded here; the minimum is the service's WEAK_SECRET answer, so sign-in never reveals the rule.
const secret = z.string().min(1).max(INSTRUCTOR_SECRET_MAX_LENGTH);

export const instructorStatusSchema = z.object({
  /** An instructor passphrase exists (first run sets it). */
  configured: z.boolean(),
  /** This window (Electron) or connection (serve) holds an instructor session. */
  signed_in: z.boolean(),
  /** Too many wrong passphrases: no sign-in until then. */
  locked_until: z.iso.datetime().nullable(),
  /** When the session ends unless the instructor does something before. */
  idle_expires_at: z.iso.datetime().nullable(),
});
export type InstructorStatus = z.infer<typeof instructorStatusSchema>;

export const instructorSetupSchema = z.object({ secret }).strict();
export const instructorSignInSchema = z.object({ secret }).strict();
export const instructorChangeSecretSchema = z.object({ current: secret, next: secret }).strict();

/** Header carrying the single-use ticket on `PUT /upload/…` (both hosts). */
export const UPLOAD_TICKET_HEADER = 'X-Outpost-Upload-Ticket';

export const uploadTicketSchema = z.object({
  ticket: z.string().regex(/^[0-9a-f]{64}$/),
  expires_at: z.iso.datetime(),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;
