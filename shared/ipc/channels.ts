/**
 * Channel names only, without schemas, so the sandboxed preload can allow-list them without bundling zod.
 * contract.ts is checked against these lists at compile time.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'headsets:list',
  'headsets:refresh',
  'headsets:connect',
  'headsets:pair',
  'headsets:launch',
  'headsets:uninstall',
  'sideload:start',
  'sideload:cancel',
  'sideload:jobs',
  'sideload:resume',
  'packages:stored',
  'packages:upload-ticket',
  'scorm:sign-launch',
  'scorm:delete-course',
  'remote:request',
  'remote:status',
  'remote:set-token',
  'remote:sign-out',
  'lrs:get',
  'lrs:set',
  'lrs:clear',
  'lrs:status',
  'instructor:status',
  'instructor:setup',
  'instructor:sign-in',
  'instructor:sign-out',
  'instructor:change-secret',
  'headset-api:attach',
  'headset-api:respond',
  'storage:status',
  'cast:status',
  'cast:tiles',
  'cast:start',
  'cast:stop',
  'cast:pause',
  'cast:focus',
  'cast:pull',
  'cast:details',
  'scorm-lan:status',
  'scorm-lan:configure',
  'scorm-lan:attach',
  'scorm-lan:respond',
  'scorm-lan:deliver',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

export const EVENT_CHANNELS = ['settings:changed', 'headsets:changed', 'sideload:progress', 'adb:status', 'remote:status', 'headset-api:request', 'cast:changed', 'scorm-lan:request'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

const CHANNEL_NAME = /^[a-z]+(?:-[a-z]+)*:[a-z]+(?:-[a-z]+)*$/;

export function isChannelName(name: string): boolean {
  return CHANNEL_NAME.test(name);
}

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}
