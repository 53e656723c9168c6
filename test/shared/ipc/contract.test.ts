import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, isChannelName, isInvokeChannel } from '../../../shared/ipc/channels';
import { contract, eventContract } from '../../../shared/ipc/contract';

describe('IPC contract', () => {
  it('declares exactly the allow-listed channels, all named domain:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const name of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(isChannelName(name), name).toBe(true);
  });

  it('rejects names that are not domain:verb', () => {
    for (const bad of ['settings', 'Settings:get', 'settings:', ':get', 'settings:get:all', 'settings get']) {
      expect(isChannelName(bad), bad).toBe(false);
    }
  });

  it('recognises only contract channels', () => {
    expect(isInvokeChannel('settings:get')).toBe(true);
    expect(isInvokeChannel('fs:read')).toBe(false);
    expect(isInvokeChannel(42)).toBe(false);
  });

  it('refuses unknown fields in settings patches instead of ignoring them', () => {
    expect(contract['settings:update'].request.safeParse({ locale: 'en' }).success).toBe(true);
    expect(contract['settings:update'].request.safeParse({ locale: 'fr' }).success).toBe(false);
    expect(contract['settings:update'].request.safeParse({ token: 'x' }).success).toBe(false);
  });
});
