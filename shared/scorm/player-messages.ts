import { z } from 'zod';

/**
 * The only conversation between the app and a course's player shell: window.postMessage, every message
 * parsed with these schemas on arrival, and accepted only from the expected window and origin (the app
 * checks the shell's iframe and course origin; the shell checks its parent and the app's origin). Nothing
 * else crosses: the shell never sees the app's bridge, database or tokens.
 */
export const PLAYER_CHANNEL = 'outpost-scorm';
const MAX_CMI_KEYS = 10_000;

const cmiMapSchema = z.record(z.string().min(1).max(512), z.string().max(4 * 1024 * 1024)).refine((m) => Object.keys(m).length <= MAX_CMI_KEYS, 'Too many CMI elements');

export const playerCommitSchema = z.object({
  sitting_id: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  item_id: z.string().min(1).max(512),
  cmi: cmiMapSchema,
  session_seconds: z.number().nonnegative().max(10_000_000),
});
export type PlayerCommit = z.infer<typeof playerCommitSchema>;

export const shellMessageSchema = z.discriminatedUnion('type', [
  z.object({ channel: z.literal(PLAYER_CHANNEL), type: z.literal('ready'), session_id: z.string(), recovered: z.array(playerCommitSchema).max(100) }),
  z.object({
    channel: z.literal(PLAYER_CHANNEL),
    type: z.literal('commit'),
    commit: playerCommitSchema,
    terminated: z.boolean(),
    /** 2004 adl.nav.request at Terminate ("continue", "previous", "{target=ID}choice", "exit", ...). */
    nav_request: z.string().max(600).optional(),
  }),
  z.object({ channel: z.literal(PLAYER_CHANNEL), type: z.literal('exited') }),
]);
export type ShellMessage = z.infer<typeof shellMessageSchema>;

export const launchItemSchema = z.object({
  identifier: z.string(),
  title: z.string(),
  /** Package-relative launch path with parameters. */
  launch: z.string(),
  scorm_type: z.enum(['sco', 'asset']),
});

/**
 * What SCORM 2004 sequencing allows when an item is delivered, for the SCO's adl.nav.request_valid.*
 * (continue, previous, choice.{target=ID}): the app's engine decides, the shell only answers with it.
 */
export const navValiditySchema = z.object({
  continue: z.boolean(),
  previous: z.boolean(),
  choice: z.record(z.string().min(1).max(512), z.boolean()).refine((m) => Object.keys(m).length <= 5_000, 'Too many items'),
});
export type NavValidity = z.infer<typeof navValiditySchema>;

/** A shared data store's value at most (SCORM 2004 SPM: characterstring of 64000). */
export const MAX_SHARED_STORE = 64_000;

export const sharedDataSchema = z.object({
  maps: z.array(z.object({ target_id: z.string().min(1).max(256), read: z.boolean(), write: z.boolean() })).max(64),
  stores: z.record(z.string().min(1).max(256), z.string().max(MAX_SHARED_STORE)).refine((m) => Object.keys(m).length <= 64, 'Too many stores'),
});
export type SharedData = z.infer<typeof sharedDataSchema>;

export const appMessageSchema = z.discriminatedUnion('type', [
  z.object({
    channel: z.literal(PLAYER_CHANNEL),
    type: z.literal('init'),
    sitting_id: z.string().min(1).max(64),
    version: z.enum(['1.2', '2004']),
    item: launchItemSchema,
    /** The item's data model as last committed plus what the LMS provides (entry, learner, launch data...). */
    cmi: cmiMapSchema,
    /** SCORM 2004: the navigation requests sequencing allows as the item starts (adl.nav.request_valid). */
    nav_valid: navValiditySchema.optional(),
    /** SCORM 2004 4th edition: the item's shared data maps (adl.data.n) and the stores' values so far. */
    shared_data: sharedDataSchema.optional(),
  }),
  z.object({ channel: z.literal(PLAYER_CHANNEL), type: z.literal('ack'), sitting_id: z.string(), seq: z.number().int() }),
  z.object({ channel: z.literal(PLAYER_CHANNEL), type: z.literal('exit') }),
]);
export type AppMessage = z.infer<typeof appMessageSchema>;
