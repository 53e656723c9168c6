import { z } from 'zod';

/**
 * `held`: recorded, but not to be sent until something changes (see HELD_REASONS). Sync never sends it,
 * it never turns into a dead letter, and nothing counts it as waiting.
 */
export const OUTBOX_STATUSES = ['pending', 'in_flight', 'done', 'dead', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Why an operation is held. `remote_extension_unsupported`: an Outpost extension of the seed API (e.g.
 * the session steps' PATCH) that the remote may not implement; whether and how to deliver it is decided
 * elsewhere. `local_package`: it concerns a package the remote does not know; linking the package to a
 * remote one (or a catalog pull that finds it) releases it. `no_lrs`: an xAPI statement, kept on the kiosk
 * while no LRS is configured (docs/api/xapi.md); setting an LRS releases it.
 */
export const HELD_REASONS = ['remote_extension_unsupported', 'local_package', 'no_lrs'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

/**
 * One write that must reach the remote API, recorded in the same Dexie transaction as the local change.
 * The request is stored in the remote API's own language (method, path, body), so sync only replays it;
 * `local:<id>` placeholders in path/body are rewritten through the id map once the remote has assigned ids.
 */
export const outboxOperationSchema = z.object({
  /** Autoincrement key: the order operations were recorded in. */
  seq: z.number().int().positive().optional(),
  id: z.uuid(),
  idempotency_key: z.uuid(),
  kind: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  entity_id: z.string().min(1),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().startsWith('/'),
  body: z.unknown(),
  /**
   * The learner the write is for. A kiosk syncs with one device token for a whole class, so each request
   * names its learner (X-Outpost-User) and the remote attributes it to them.
   */
  acting_user_id: z.uuid().nullable(),
  /** Operations that must succeed remotely first (create before complete). */
  depends_on: z.array(z.uuid()),
  status: z.enum(OUTBOX_STATUSES),
  /** Set exactly when status is `held`. */
  held_reason: z.enum(HELD_REASONS).nullable().optional(),
  /**
   * Which drain sent it, while in flight. An answer is recorded only by the drain that still holds the
   * claim, so a drain that was superseded (another window, or a process that died mid-request) cannot
   * overwrite what a later one recorded.
   */
  claimed_by: z.string().nullable().optional(),
  attempts: z.number().int().nonnegative(),
  next_attempt_at: z.iso.datetime(),
  last_error: z.object({ status: z.number().int().nullable(), code: z.string().nullable(), message: z.string() }).nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;
