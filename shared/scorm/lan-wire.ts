import { z } from 'zod';

/**
 * Handing a dispatched course to an LMS on the school's network (docs/scorm-lan.md). Main listens on the
 * LAN only while the instructor has turned sharing on; a browser there plays the course with the same
 * shell and run-time as the kiosk, while the kiosk's window runs the player's logic (sequencing, saving
 * commits, the outbox) exactly as for a learner at the kiosk. Main carries messages between the two:
 *
 *   LMS browser: host page  <--HTTP (up / down mailbox)-->  main  <--IPC relay-->  kiosk window: PlayerHost
 *        └ shell (run-time) └ course
 *
 * This file is the contract between the three parts.
 */

/** The envelope of messages between the host page and the kiosk window that are not the player's own. */
export const LAN_CHANNEL = 'outpost-lan';

/** A dispatch URL's handle (see renderer/src/data/scorm-dispatches.ts). */
export const DISPATCH_HANDLE_PATTERN = /^dsp_[0-9a-f]{32}$/;
/** The LMS's id for its learner: 1–128 characters, none of them a control character (Unicode Cc). */
export const LMS_LEARNER_ID_PATTERN = /^\P{Cc}{1,128}$/u;
export const LMS_LEARNER_NAME_MAX = 200;

/** Bounds (main enforces them on the network side, the renderer on its side). */
export const LAN_LIMITS = {
  /** Messages in one POST /up, and in one deliver from the window. */
  maxMessagesPerCall: 64,
  /** Bytes of one POST /up body (a SCO's whole data model may ride in a commit). */
  maxUpBytes: 6 * 1024 * 1024,
  /** Messages waiting for the host page per sitting; beyond it the oldest are dropped and the page reloads. */
  mailboxMaxMessages: 256,
  /** Bytes waiting for the host page per sitting. */
  mailboxMaxBytes: 16 * 1024 * 1024,
  /** How long GET /down waits for a message before answering an empty list. */
  pollWaitMs: 20_000,
  /** A sitting whose page has not polled for this long is closed (its learner closed the tab, or left). */
  sittingIdleMs: 90_000,
  /** Sittings open at once on one kiosk. */
  maxSittings: 200,
  /** Default port of the LAN listener (the instructor may choose another). */
  defaultPort: 47_800,
} as const;

const learnerId = z.string().regex(LMS_LEARNER_ID_PATTERN);

/** main -> renderer (event `scorm-lan:request`): only the window named by `responder` answers. */
export const scormLanRequestSchema = z.discriminatedUnion('kind', [
  /** A browser on the LAN opened a dispatch URL for the LMS's learner. */
  z.object({
    id: z.uuid(),
    responder: z.string().min(1).max(64),
    kind: z.literal('launch'),
    handle: z.string().regex(DISPATCH_HANDLE_PATTERN),
    learner_id: learnerId,
    learner_name: z.string().max(LMS_LEARNER_NAME_MAX).optional(),
  }),
  /** Messages the host page posted (the shell's player messages, and the page's own LAN_CHANNEL requests). */
  z.object({
    id: z.uuid(),
    responder: z.string().min(1).max(64),
    kind: z.literal('up'),
    session_id: z.string().min(1).max(128),
    messages: z.array(z.unknown()).max(LAN_LIMITS.maxMessagesPerCall),
  }),
  /** The sitting is over on the network side (idle, or the listener stopped): the window closes its player. */
  z.object({ id: z.uuid(), responder: z.string().min(1).max(64), kind: z.literal('close'), session_id: z.string().min(1).max(128) }),
]);
export type ScormLanRequest = z.infer<typeof scormLanRequestSchema>;

/** What the window answers a launch with (status 200). */
export const scormLanLaunchAnswerSchema = z
  .object({
    session_id: z.string().min(1).max(128),
    package_id: z.string().min(1).max(128),
    /** The session's learner (the LMS learner's id on the kiosk): main derives the course origin's learner key from it. */
    learner_id: z.string().min(1).max(400),
  })
  .strict();
export type ScormLanLaunchAnswer = z.infer<typeof scormLanLaunchAnswerSchema>;

/** renderer -> main (`scorm-lan:respond`): the answer to one request, matched by its id. */
export const scormLanRespondSchema = z
  .object({
    id: z.uuid(),
    status: z.number().int().min(200).max(599),
    body: z.record(z.string(), z.unknown()),
  })
  .strict();
export type ScormLanRespond = z.infer<typeof scormLanRespondSchema>;

/** renderer -> main (`scorm-lan:deliver`): messages for a sitting's host page, queued in its mailbox. */
export const scormLanDeliverSchema = z
  .object({
    session_id: z.string().min(1).max(128),
    messages: z.array(z.record(z.string(), z.unknown())).min(1).max(LAN_LIMITS.maxMessagesPerCall),
  })
  .strict();
export type ScormLanDeliver = z.infer<typeof scormLanDeliverSchema>;

/** A window says it can run LAN sittings; it renews this lease while it lives. */
export const scormLanAttachSchema = z.object({ responder: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }).strict();
export const scormLanAttachReplySchema = z.object({ lease_ms: z.number().int().positive() });

/** The instructor's view of LAN sharing. */
export const scormLanStatusSchema = z
  .object({
    enabled: z.boolean(),
    port: z.number().int().min(1024).max(65_535),
    listening: z.boolean(),
    /** Base addresses an LMS on the network can use ("http://192.168.1.20:47800"), best first. */
    origins: z.array(z.string()).max(32),
    /** Why it is not listening although enabled ("PORT_IN_USE", "NO_NETWORK", ...), else null. */
    error: z.string().nullable(),
  })
  .strict();
export type ScormLanStatus = z.infer<typeof scormLanStatusSchema>;

export const scormLanConfigureSchema = z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65_535).optional() }).strict();
export type ScormLanConfigure = z.infer<typeof scormLanConfigureSchema>;

/**
 * What main writes into the host page (a meta tag, no inline script): the sitting's id, the secret its
 * up/down calls carry (`Authorization: Bearer`), and the shell's URL relative to the page.
 */
export const lanPageConfigSchema = z
  .object({
    session_id: z.string().min(1).max(128),
    secret: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
    shell_url: z.string().min(1).max(4096),
  })
  .strict();
export type LanPageConfig = z.infer<typeof lanPageConfigSchema>;
export const LAN_PAGE_META = 'outpost-lan';

/** GET /lan/:sid/down?after=N answer: messages numbered from 1, in order; `reset` when some were dropped. */
export const lanDownAnswerSchema = z
  .object({
    messages: z.array(z.object({ n: z.number().int().positive(), message: z.record(z.string(), z.unknown()) })).max(LAN_LIMITS.mailboxMaxMessages),
    reset: z.boolean().optional(),
    closed: z.boolean().optional(),
  })
  .strict();
export type LanDownAnswer = z.infer<typeof lanDownAnswerSchema>;

/**
 * The host page's own requests and the window's own news, on LAN_CHANNEL (the player's messages keep
 * PLAYER_CHANNEL and pass through unchanged).
 */
export const lanPageRequestSchema = z.discriminatedUnion('type', [
  z.object({ channel: z.literal(LAN_CHANNEL), type: z.literal('step'), delta: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ channel: z.literal(LAN_CHANNEL), type: z.literal('choose'), item_id: z.string().min(1).max(512) }),
  z.object({ channel: z.literal(LAN_CHANNEL), type: z.literal('exit') }),
]);
export type LanPageRequest = z.infer<typeof lanPageRequestSchema>;

export const lanWindowNewsSchema = z.discriminatedUnion('type', [
  z.object({
    channel: z.literal(LAN_CHANNEL),
    type: z.literal('course'),
    title: z.string().max(500),
    learner_name: z.string().max(400),
    items: z.array(z.object({ id: z.string(), title: z.string(), depth: z.number().int().min(0).max(64) })).max(5000),
  }),
  z.object({
    channel: z.literal(LAN_CHANNEL),
    type: z.literal('nav'),
    previous: z.boolean(),
    next: z.boolean(),
    hidden_previous: z.boolean(),
    hidden_next: z.boolean(),
    choosable: z.union([z.literal('all'), z.array(z.string()).max(5000)]),
    busy: z.boolean(),
    stuck: z.boolean(),
    current: z.string().nullable(),
  }),
  z.object({ channel: z.literal(LAN_CHANNEL), type: z.literal('finished') }),
  z.object({ channel: z.literal(LAN_CHANNEL), type: z.literal('error'), code: z.string().max(64) }),
]);
export type LanWindowNews = z.infer<typeof lanWindowNewsSchema>;
