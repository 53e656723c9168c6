import { z } from 'zod';

/**
 * Frames of the loopback WebSocket transport used by the headless host. Electron's own IPC carries the
 * same (channel, payload) pairs, so both transports end in one dispatcher.
 */
export const WS_SUBPROTOCOL = 'outpost-ipc.v1';
export const WS_AUTH_PREFIX = 'auth.';
export const WS_PATH = '/ipc';

export const clientFrameSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

const errorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: errorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
