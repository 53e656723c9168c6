import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
import { headsetSchema } from '../headsets/headset';
import { androidPackageNameSchema } from '../schemas/vr-package';
import { adbStatusSchema, launchRequestSchema, launchResultSchema, sideloadJobSpecSchema, sideloadUpdateSchema } from '../headsets/sideload-contract';
import { remoteRequestSchema, remoteResultSchema, remoteStatusSchema } from '../sync/remote-contract';
import { lrsConfigSchema, lrsViewSchema } from '../xapi/lrs-config';
import { isLocaleOnlyPatch } from './access';
import type { Access } from './access';
import type { EventChannel, InvokeChannel } from './channels';
import { deleteCourseRequestSchema, deleteCourseResponseSchema, signLaunchRequestSchema, signLaunchResponseSchema } from '../scorm/scorm-ipc-contract';
import { headsetApiAttachReplySchema, headsetApiAttachSchema, headsetApiRequestSchema, headsetApiRespondSchema } from '../headset-api/headset-api-relay';
import { castDetailsRequestSchema, castDetailsSchema, castFocusSchema, castPauseSchema, castPullReplySchema, castPullSchema, castStartSchema, castStopSchema, castSummarySchema, castTilesReplySchema } from '../cast/cast-contract';
import { instructorChangeSecretSchema, instructorSetupSchema, instructorSignInSchema, instructorStatusSchema, uploadTicketSchema } from './instructor-contract';

import { diskSpaceSchema } from '../storage/disk-space';
import { scormLanAttachReplySchema, scormLanAttachSchema, scormLanConfigureSchema, scormLanDeliverSchema, scormLanRequestSchema, scormLanRespondSchema, scormLanStatusSchema } from '../scorm/lan-wire';

const noPayload = z.object({}).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'serve']),
  platform: z.string(),
  startedAt: z.iso.datetime(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

interface ChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
  /** Every channel must choose; see docs/security.md for the table. */
  readonly access: Access;
}

const instructor = 'instructor' as const;
const open = 'public' as const;

/** The one IPC contract: every request and response crossing main <-> renderer is declared here. */
export const contract = {
  'app:info': { request: noPayload, response: appInfoSchema, access: open },
  'settings:get': { request: noPayload, response: settingsSchema, access: open },
  'settings:update': {
    request: settingsPatchSchema,
    response: settingsSchema,
    access: { instructorUnless: isLocaleOnlyPatch, why: 'learners may switch the language' },
  },
  'headsets:list': { request: noPayload, response: z.object({ headsets: z.array(headsetSchema), adb: adbStatusSchema.nullable() }), access: instructor },
  'headsets:refresh': { request: z.object({ serial: z.string().min(1).max(128) }).strict(), response: headsetSchema.nullable(), access: instructor },
  'headsets:connect': {
    request: z.object({ host: z.union([z.ipv4(), z.hostname()]), port: z.number().int().min(1).max(65535).default(5555) }).strict(),
    response: z.object({ message: z.string() }),
    access: instructor,
  },
  // Wireless debugging's pairing code (adb pair); needs platform tools 30 or newer (docs/headsets).
  'headsets:pair': {
    request: z.object({ host: z.union([z.ipv4(), z.hostname()]), port: z.number().int().min(1).max(65535), code: z.string().regex(/^\d{6}$/, 'The pairing code is six digits') }).strict(),
    response: z.object({ outcome: z.enum(['paired', 'wrong_code', 'adb_too_old', 'failed']), message: z.string().max(300) }).strict(),
    access: instructor,
  },
  'headsets:launch': { request: launchRequestSchema.strict(), response: launchResultSchema, access: instructor },
  // One app off one headset (pm uninstall); the headset's fresh picture comes back with the answer.
  'headsets:uninstall': {
    request: z.object({ serial: z.string().min(1).max(128), package_name: androidPackageNameSchema }).strict(),
    response: z.object({ uninstalled: z.boolean(), headset: headsetSchema.nullable() }),
    access: instructor,
  },
  'sideload:start': {
    request: z.object({ jobs: z.array(sideloadJobSpecSchema).min(1).max(64) }).strict(),
    response: z.object({ accepted: z.array(z.uuid()) }),
    access: instructor,
  },
  'sideload:cancel': { request: z.object({ job_id: z.uuid() }).strict(), response: z.object({ cancelled: z.boolean() }), access: instructor },
  // The latest update of each recent job, for a window that missed events (reload, dropped socket).
  'sideload:jobs': { request: noPayload, response: z.object({ jobs: z.array(sideloadUpdateSchema) }), access: instructor },
  // Runs a job main reported `interrupted` (it stopped mid-install) again from the spec it kept on disk.
  'sideload:resume': {
    request: z.object({ job_id: z.uuid() }).strict(),
    response: z.discriminatedUnion('resumed', [
      z.object({ resumed: z.literal(true) }),
      z.object({ resumed: z.literal(false), reason: z.enum(['UNKNOWN_JOB', 'NOT_INTERRUPTED', 'APK_NOT_STORED']) }),
    ]),
    access: instructor,
  },
  'packages:stored': {
    request: z.object({ sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000) }).strict(),
    response: z.object({ stored: z.array(z.string()) }),
    access: instructor,
  },
  // A single-use, short-lived ticket the next `PUT /upload/…` must carry (UPLOAD_TICKET_HEADER).
  'packages:upload-ticket': { request: noPayload, response: uploadTicketSchema, access: instructor },
  // Signs a SCORM player link with main's key; the local API checks the learner first (docs/api/scorm.md).
  'scorm:sign-launch': { request: signLaunchRequestSchema, response: signLaunchResponseSchema, access: open },
  // Removes a course's files after the library removed its record (renderer/src/data/scorm-course-delete.ts).
  'scorm:delete-course': { request: deleteCourseRequestSchema, response: deleteCourseResponseSchema, access: instructor },
  // Sync's transport: public because learners' own records sync while no instructor is signed in; main
  // only sends the named operations of its table (main/services/remote/remote-operations.ts).
  'remote:request': { request: remoteRequestSchema, response: remoteResultSchema, access: open },
  'remote:status': { request: z.object({ refresh: z.boolean().default(false) }).strict(), response: remoteStatusSchema, access: open },
  'remote:set-token': {
    // allow_plain_text: the user agreed to keep the token unencrypted where the OS offers no keychain.
    request: z.object({ token: z.string().trim().min(8).max(4096), allow_plain_text: z.boolean().optional() }).strict(),
    response: remoteStatusSchema,
    access: instructor,
  },
  'remote:sign-out': { request: noPayload, response: remoteStatusSchema, access: instructor },
  // The school's LRS (docs/api/xapi.md): credentials go in and never come back out.
  'lrs:get': { request: noPayload, response: lrsViewSchema.nullable(), access: instructor },
  'lrs:set': { request: lrsConfigSchema, response: lrsViewSchema, access: instructor },
  'lrs:clear': { request: noPayload, response: z.null(), access: instructor },
  // Public: sync asks at start whether statements kept for want of an LRS may go now; it learns nothing else.
  'lrs:status': { request: noPayload, response: z.object({ configured: z.boolean() }).strict(), access: open },
  'instructor:status': { request: noPayload, response: instructorStatusSchema, access: open },
  'instructor:setup': { request: instructorSetupSchema, response: instructorStatusSchema, access: open },
  'instructor:sign-in': { request: instructorSignInSchema, response: instructorStatusSchema, access: open },
  'instructor:sign-out': { request: noPayload, response: instructorStatusSchema, access: open },
  'instructor:change-secret': { request: instructorChangeSecretSchema, response: instructorStatusSchema, access: instructor },
  // The renderer applies headset reports (docs/api/headset-api.md); public because a headset reports
  // while a learner, or nobody, is signed in. Main matches answers to its own random request ids.
  'headset-api:attach': { request: headsetApiAttachSchema, response: headsetApiAttachReplySchema, access: open },
  'headset-api:respond': { request: headsetApiRespondSchema, response: z.object({ accepted: z.boolean() }), access: open },
  // The data folder's free space (fs.statfs), null when the OS will not say. Public: numbers only, no path;
  // the Settings page warns before the kiosk runs out (docs/offline-transfer.md, Storage).
  'storage:status': { request: noPayload, response: diskSpaceSchema.nullable(), access: open },
  // Casting headsets' screens (docs/cast.md). Everyone may learn THAT casting runs (the kiosk shows it);
  // starting it, and the pictures themselves, are the instructor's.
  'cast:status': { request: noPayload, response: castSummarySchema, access: open },
  'cast:tiles': { request: noPayload, response: castTilesReplySchema, access: instructor },
  'cast:start': { request: castStartSchema, response: castTilesReplySchema, access: instructor },
  'cast:stop': { request: castStopSchema, response: castTilesReplySchema, access: instructor },
  'cast:pause': { request: castPauseSchema, response: castTilesReplySchema, access: instructor },
  'cast:focus': { request: castFocusSchema, response: castTilesReplySchema, access: instructor },
  'cast:pull': { request: castPullSchema, response: castPullReplySchema, access: instructor },
  'cast:details': { request: castDetailsRequestSchema, response: castDetailsSchema, access: instructor },
  // Handing dispatched courses to an LMS on the school's network (docs/scorm-lan.md). Turning the listener
  // on or off is the instructor's; the kiosk window runs the sittings whoever is signed in (like headset-api:*),
  // and main matches answers to its own random request ids and delivers only to sittings it serves.
  'scorm-lan:status': { request: noPayload, response: scormLanStatusSchema, access: instructor },
  'scorm-lan:configure': { request: scormLanConfigureSchema, response: scormLanStatusSchema, access: instructor },
  'scorm-lan:attach': { request: scormLanAttachSchema, response: scormLanAttachReplySchema, access: open },
  'scorm-lan:respond': { request: scormLanRespondSchema, response: z.object({ accepted: z.boolean() }), access: open },
  'scorm-lan:deliver': { request: scormLanDeliverSchema, response: z.object({ accepted: z.boolean() }), access: open },
} as const satisfies { readonly [K in InvokeChannel]: ChannelSpec };

export const eventContract = {
  'settings:changed': settingsSchema,
  'headsets:changed': z.array(headsetSchema),
  'sideload:progress': sideloadUpdateSchema,
  'adb:status': adbStatusSchema,
  'remote:status': remoteStatusSchema,
  'headset-api:request': headsetApiRequestSchema,
  'cast:changed': castSummarySchema,
  'scorm-lan:request': scormLanRequestSchema,
} as const satisfies { readonly [K in EventChannel]: z.ZodType };

export type Contract = typeof contract;
export type RequestOf<K extends InvokeChannel> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends InvokeChannel> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends InvokeChannel> = z.output<Contract[K]['response']>;
export type EventPayloadOf<K extends EventChannel> = z.output<(typeof eventContract)[K]>;
