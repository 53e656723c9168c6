import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAmStart,
  parseBatteryLevel,
  parseDfKilobytes,
  parseForegroundPackage,
  parseInstallOutput,
  parseMonkey,
  parsePackageList,
  parsePackageSignatures,
  parseWakefulness,
} from '../../main/services/headsets/adb-output';
import { fuzzParams } from './local-api-harness';

/**
 * Hostile headset answers: whatever a headset (or something pretending to be one) prints for the shell
 * commands main runs, every parser returns a value of its documented shape and never throws. Inputs are
 * random text, and random mixes of the real outputs' own fragments, so the parsers' own branches are hit.
 */
const FRAGMENTS = [
  'level: ', 'scale: ', 'level: 87', 'scale: 100', 'scale: 0', 'level: -1', 'level: 99999999999999',
  'Filesystem 1K-blocks Used Available Use% Mounted on', '/dev/block/dm-5 ', '121226432 37409620 83685340 31% /data',
  'package:', 'package:com.example.app', 'versionCode:', 'versionCode:42', 'versionCode:-9223372036854775808', 'versionCode:99999999999999999999',
  'Success', 'Failure [', 'Failure [INSTALL_FAILED_VERSION_DOWNGRADE: x]', ']', 'Error:', 'Exception', 'Status: ok', 'Complete',
  'Events injected: ', 'Events injected: 1', '** No activities found to run, monkey aborted.',
  'mResumedActivity: ActivityRecord{', 'ResumedActivity:', 'topResumedActivity=', ' u0 com.x/.Main t12}', 'mCurrentFocus=Window{', '/', '}', '{',
  'signatures=PackageSignatures{', ', signatures:[', 'f4ae824f', 'past signatures:[]}', '[', ',',
  'mWakefulness=', 'Awake', 'Asleep', 'Dozing', 'Dreaming',
  '\n', '\r\n', '\r', ' ', '\t', '\u0000', '\uFEFF', '😀', 'é',
];
const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 20_000 })).map(([part, times]) => part.repeat(times)),
);

const PACKAGE_NAME = /^[A-Za-z0-9_.]{1,255}$/;

describe('fuzz: headset shell-output parsers (main/services/headsets/adb-output.ts)', () => {
  it('return their documented shapes for any text, and never throw', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const battery = parseBatteryLevel(text);
        if (battery !== null) expect(Number.isInteger(battery) && battery >= 0 && battery <= 100).toBe(true);

        const df = parseDfKilobytes(text);
        if (df !== null) for (const value of [df.totalBytes, df.freeBytes]) expect(Number.isSafeInteger(value) && value >= 0).toBe(true);

        for (const entry of parsePackageList(text)) {
          expect(entry.package_name).toMatch(PACKAGE_NAME);
          expect(typeof entry.version_code).toBe('bigint');
          expect(entry.version_code >= -(2n ** 63n) && entry.version_code < 10n ** 19n).toBe(true);
        }

        const install = parseInstallOutput(text);
        if (!install.ok) {
          expect(install.code).toMatch(/^[A-Z0-9_]{1,80}$/);
          expect(install.message.length).toBeLessThanOrEqual(300);
        }
        const am = parseAmStart(text);
        if (!am.ok) expect(am.message.length).toBeGreaterThan(0);
        if (!am.ok) expect(am.message.length).toBeLessThanOrEqual(300);
        expect(typeof parseMonkey(text)).toBe('boolean');

        const foreground = parseForegroundPackage(text);
        if (foreground !== null) expect(foreground).toMatch(PACKAGE_NAME);
        const signatures = parsePackageSignatures(text);
        if (signatures !== null) for (const hash of signatures) expect(hash).toMatch(/^[0-9a-f]{1,8}$/);
        expect([null, 'awake', 'asleep']).toContain(parseWakefulness(text));
      }),
      fuzzParams(1500),
    );
  });
});
