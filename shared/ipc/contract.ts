import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
import { headsetSchema } from '../headsets/headset';
import { adbStatusSchema, launchRequestSchema, launchResultSchema, sideloadJobSpecSchema, sideloadUpdateSchema } from '../headsets/sideload-contract';
import { remoteRequestSchema, remoteResultSchema, remoteStatusSchema } from '../sync/remote-contract';
import type { EventChannel, InvokeChannel } from './channels';

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
}

/** The one IPC contract: every request and response crossing main <-> renderer is declared here. */
export const contract = {
  'app:info': { request: noPayload, response: appInfoSchema },
  'settings:get': { request: noPayload, response: settingsSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsSchema },
  'headsets:list': { request: noPayload, response: z.object({ headsets: z.array(headsetSchema), adb: adbStatusSchema.nullable() }) },
  'headsets:refresh': { request: z.object({ serial: z.string().min(1).max(128) }).strict(), response: headsetSchema.nullable() },
  'headsets:connect': {
    request: z.object({ host: z.union([z.ipv4(), z.hostname()]), port: z.number().int().min(1).max(65535).default(5555) }).strict(),
    response: z.object({ message: z.string() }),
  },
  'headsets:launch': { request: launchRequestSchema.strict(), response: launchResultSchema },
  'sideload:start': { request: z.object({ jobs: z.array(sideloadJobSpecSchema).min(1).max(64) }).strict(), response: z.object({ accepted: z.array(z.uuid()) }) },
  'sideload:cancel': { request: z.object({ job_id: z.uuid() }).strict(), response: z.object({ cancelled: z.boolean() }) },
  // The latest update of each recent job, for a window that missed events (reload, dropped socket).
  'sideload:jobs': { request: noPayload, response: z.object({ jobs: z.array(sideloadUpdateSchema) }) },
  'packages:stored': {
    request: z.object({ sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000) }).strict(),
    response: z.object({ stored: z.array(z.string()) }),
  },
  'remote:request': { request: remoteRequestSchema, response: remoteResultSchema },
  'remote:status': { request: z.object({ refresh: z.boolean().default(false) }).strict(), response: remoteStatusSchema },
  'remote:set-token': { request: z.object({ token: z.string().trim().min(8).max(4096) }).strict(), response: remoteStatusSchema },
  'remote:sign-out': { request: noPayload, response: remoteStatusSchema },
} as const satisfies { readonly [K in InvokeChannel]: ChannelSpec };

export const eventContract = {
  'settings:changed': settingsSchema,
  'headsets:changed': z.array(headsetSchema),
  'sideload:progress': sideloadUpdateSchema,
  'adb:status': adbStatusSchema,
  'remote:status': remoteStatusSchema,
} as const satisfies { readonly [K in EventChannel]: z.ZodType };

export type Contract = typeof contract;
export type RequestOf<K extends InvokeChannel> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends InvokeChannel> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends InvokeChannel> = z.output<Contract[K]['response']>;
export type EventPayloadOf<K extends EventChannel> = z.output<(typeof eventContract)[K]>;
