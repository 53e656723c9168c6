import { z } from 'zod';

// Casting headsets' screens to the kiosk (docs/cast.md): what crosses IPC. Pixels travel only in answers
// to `cast:pull`, an instructor channel; events carry the summary the kiosk shows everyone ("casting").

const serial = z.string().min(1).max(128);

/** One tile's state, in the order a cast usually walks through them. */
export const CAST_STATES = ['connecting', 'live', 'paused', 'asleep', 'stalled', 'unsupported', 'server_missing', 'disconnected', 'error'] as const;
export type CastState = (typeof CAST_STATES)[number];

/** Quest panels are side by side: one eye is the left half of the display; both eyes, all of it. */
export const castEyeSchema = z.enum(['left', 'both']);
export type CastEye = z.infer<typeof castEyeSchema>;

export const castTileSchema = z.object({
  serial,
  state: z.enum(CAST_STATES),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** Frames received per second over the last five seconds. */
  fps: z.number().nonnegative(),
  /** The large view's headset, streamed at a higher size and rate. */
  focused: z.boolean(),
  /** Frames that arrived damaged and were dropped (the tile waits for the next key frame). */
  bad_frames: z.number().int().nonnegative(),
  message: z.string().max(1000).nullable(),
  since: z.iso.datetime(),
});
export type CastTile = z.infer<typeof castTileSchema>;

/** What every window may know: that casting runs (the kiosk shows it), not what it shows. */
export const castSummarySchema = z.object({ active: z.boolean(), headsets: z.number().int().nonnegative(), paused: z.boolean() });
export type CastSummary = z.infer<typeof castSummarySchema>;

export const castTilesReplySchema = z.object({ tiles: z.array(castTileSchema), eye: castEyeSchema, paused: z.boolean() });
export type CastTilesReply = z.infer<typeof castTilesReplySchema>;

export const castStartSchema = z.object({ serials: z.array(serial).min(1).max(32), eye: castEyeSchema.default('left') }).strict();
export const castStopSchema = z.object({ serials: z.array(serial).max(32).optional() }).strict();
export const castPauseSchema = z.object({ paused: z.boolean() }).strict();
export const castFocusSchema = z.object({ serial: serial.nullable() }).strict();

/** A cursor is the last packet sequence number the window holds for that headset (-1: none). */
export const castPullSchema = z
  .object({
    cursors: z.record(serial, z.number().int().min(-1)).refine((cursors) => Object.keys(cursors).length <= 32, 'at most 32 headsets'),
    wait_ms: z.number().int().min(0).max(2000).default(0),
  })
  .strict();

/** base64 of at most 4 MiB */
const MAX_PACKET_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;

export const castPacketSchema = z.object({
  serial,
  seq: z.number().int().nonnegative(),
  kind: z.enum(['config', 'key', 'delta']),
  pts_us: z.number().nonnegative().nullable(),
  /** Annex B H.264, base64. */
  data: z.string().max(MAX_PACKET_BASE64),
});
export type CastPacket = z.infer<typeof castPacketSchema>;

export const castPullReplySchema = z.object({
  tiles: z.array(castTileSchema),
  packets: z.array(castPacketSchema),
  /** Headsets whose decoder must start over from the config packet sent with this answer. */
  reset: z.array(serial),
});
export type CastPullReply = z.infer<typeof castPullReplySchema>;

export const castDetailsRequestSchema = z.object({ serial }).strict();
export const castDetailsSchema = z.object({ serial, foreground_package: z.string().max(256).nullable(), awake: z.boolean().nullable() });
export type CastDetails = z.infer<typeof castDetailsSchema>;
