import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
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
} as const satisfies { readonly [K in InvokeChannel]: ChannelSpec };

export const eventContract = {
  'settings:changed': settingsSchema,
} as const satisfies { readonly [K in EventChannel]: z.ZodType };

export type Contract = typeof contract;
export type RequestOf<K extends InvokeChannel> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends InvokeChannel> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends InvokeChannel> = z.output<Contract[K]['response']>;
export type EventPayloadOf<K extends EventChannel> = z.output<(typeof eventContract)[K]>;
