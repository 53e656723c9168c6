import { describe, expect, it } from 'vitest';
import { SIDELOAD_ERROR_KEYS, sideloadErrorKey } from '../../../renderer/src/headsets/sideload-error-key';
import { resources } from '../../../renderer/src/i18n/i18n';
import { UI_LOCALES } from '../../../shared/i18n/locales';

describe('sideloadErrorKey', () => {
  it.each([
    ['HEADSET_DISCONNECTED', 'disconnected'],
    ['HEADSET_UNAUTHORIZED', 'unauthorized'],
    ['HEADSET_OFFLINE', 'offline'],
    ['PLATFORM_MISMATCH', 'platformMismatch'],
    ['VERSION_DOWNGRADE', 'newerInstalled'],
    ['INSUFFICIENT_STORAGE', 'storage'],
    ['LOW_BATTERY', 'lowBattery'],
    ['TRANSFER_FAILED', 'transfer'],
    ['VERIFY_FAILED', 'verify'],
    ['APK_NOT_STORED', 'apkNotStored'],
    ['LAUNCH_FAILED', 'launchFailed'],
    ['NOT_IN_FOREGROUND', 'notInForeground'],
    ['HEADSET_ASLEEP', 'asleep'],
    ['HEADSET_NO_PERMISSIONS', 'noPermissions'],
  ])('puts main’s %s into words (%s)', (code, key) => {
    expect(sideloadErrorKey(code)).toBe(key);
  });

  it('gives Android’s own install codes the same sentence as main’s equivalent', () => {
    expect(sideloadErrorKey('INSTALL_FAILED_INSUFFICIENT_STORAGE')).toBe(sideloadErrorKey('INSUFFICIENT_STORAGE'));
    expect(sideloadErrorKey('INSTALL_FAILED_VERSION_DOWNGRADE')).toBe(sideloadErrorKey('VERSION_DOWNGRADE'));
    expect(sideloadErrorKey('INSTALL_FAILED_OLDER_SDK')).toBe('olderSdk');
    expect(sideloadErrorKey('INSTALL_FAILED_INVALID_APK')).toBe('invalidApk');
    expect(sideloadErrorKey('INSTALL_PARSE_FAILED_NOT_APK')).toBe('invalidApk');
    expect(sideloadErrorKey('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED')).toBe('invalidApk');
    expect(sideloadErrorKey('INSTALL_FAILED_UPDATE_INCOMPATIBLE')).toBe('signatureMismatch');
    expect(sideloadErrorKey('INSTALL_FAILED_ALREADY_EXISTS')).toBe('alreadyExists');
    expect(sideloadErrorKey('INSTALL_FAILED_NO_MATCHING_ABIS')).toBe('abi');
    expect(sideloadErrorKey('INSTALL_FAILED_TEST_ONLY')).toBe('testOnly');
    expect(sideloadErrorKey('INSTALL_FAILED_INTERNAL_ERROR')).toBe('internal');
  });

  it('falls back to the generic sentence for codes it does not know, including Object’s own keys', () => {
    expect(sideloadErrorKey('INSTALL_FAILED_DEXOPT')).toBe('unknown');
    expect(sideloadErrorKey('toString')).toBe('unknown');
    expect(sideloadErrorKey('')).toBe('unknown');
  });

  it.each([...UI_LOCALES])('has a sentence for every key in %s', (locale) => {
    const errors = (resources[locale].translation as { headsets: { errors: Record<string, string> } }).headsets.errors;
    expect(Object.keys(errors).sort()).toEqual([...SIDELOAD_ERROR_KEYS].sort());
  });
});
