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
} from '../../../../main/services/headsets/adb-output';

describe('adb output parsers', () => {
  it('reads the battery level from dumpsys battery', () => {
    const text = 'Current Battery Service state:\n  AC powered: false\n  USB powered: true\n  status: 2\n  level: 87\n  scale: 100\n';
    expect(parseBatteryLevel(text)).toBe(87);
    expect(parseBatteryLevel('  level: 40\n  scale: 50\n')).toBe(80);
    expect(parseBatteryLevel('nothing here')).toBeNull();
  });

  it('reads toybox df, also with a wrapped device name', () => {
    const plain = 'Filesystem     1K-blocks    Used Available Use% Mounted on\n/dev/block/dm-5 113234916 4523316 108580528   5% /data\n';
    expect(parseDfKilobytes(plain)).toEqual({ totalBytes: 113234916 * 1024, freeBytes: 108580528 * 1024 });
    const wrapped = 'Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/block/bootdevice/by-name/userdata\n 1000 600 400 60% /data\n';
    expect(parseDfKilobytes(wrapped)).toEqual({ totalBytes: 1024000, freeBytes: 409600 });
    expect(parseDfKilobytes('df: /data: Permission denied')).toBeNull();
  });

  it('lists packages with their version codes', () => {
    const text = 'package:com.oculus.vrshell versionCode:1\npackage:org.example.safety versionCode:1042\n\n';
    expect(parsePackageList(text)).toEqual([
      { package_name: 'com.oculus.vrshell', version_code: 1n },
      { package_name: 'org.example.safety', version_code: 1042n },
    ]);
  });

  it('keeps long versionCodes beyond 2^53 exact and skips lines that are not a package', () => {
    const text = 'package:com.big versionCode:9007199254740993\npackage:com.max versionCode:9223372036854775807\npackage:bad name versionCode:1\npackage:com.nan versionCode:12x\nWARNING: linker\n';
    expect(parsePackageList(text)).toEqual([
      { package_name: 'com.big', version_code: 9007199254740993n },
      { package_name: 'com.max', version_code: 9223372036854775807n },
    ]);
  });

  it('reads the signing certificates dumpsys package lists', () => {
    expect(parsePackageSignatures('  Package [x.y] (1):\n    signatures=PackageSignatures{5f1e2d3 version:2, signatures:[a1b2c3d4, 7f], past signatures:[]}\n')).toEqual(['a1b2c3d4', '7f']);
    expect(parsePackageSignatures('Unable to find package: x.y\n')).toBeNull();
  });

  it('parses 4 MB of hostile output in linear time', () => {
    const long = (unit: string) => unit.repeat(Math.ceil((4 * 1024 * 1024) / unit.length));
    const inputs = [
      `mResumedActivity: ActivityRecord{${long('a ')}`,
      long('mResumedActivity: ActivityRecord{ x\n'),
      long('\n \t'),
      `Failure [${long('A')}`,
      long('package:a.b versionCode:'),
    ];
    const parsers = [parseForegroundPackage, parseBatteryLevel, parseDfKilobytes, parsePackageList, parseInstallOutput, parseAmStart, parseMonkey, parsePackageSignatures, parseWakefulness];
    const once = (parse: (text: string) => unknown, text: string) => {
      const started = performance.now();
      parse(text);
      return performance.now() - started;
    };
    // Best of two for each, so a collection pause or a busy machine does not count as the parser's time.
    const slowest = Math.max(...inputs.flatMap((text) => parsers.map((parse) => Math.min(once(parse, text), once(parse, text)))));
    // The old foreground pattern took ~10 s on the first input; a linear pass over 4 MB takes well under a
    // second on an idle machine (about 2 s measured on a loaded one), so 5 s only fails a super-linear one.
    expect(slowest).toBeLessThan(5000);
    expect(parseForegroundPackage(inputs[0]!)).toBeNull();
  });

  it('reads pm install outcomes', () => {
    expect(parseInstallOutput('Performing Streamed Install\nSuccess\n')).toEqual({ ok: true });
    expect(parseInstallOutput('Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Package Verification Result]\n')).toEqual({
      ok: false,
      code: 'INSTALL_FAILED_VERSION_DOWNGRADE',
      message: 'Package Verification Result',
    });
    expect(parseInstallOutput('Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]')).toEqual({ ok: false, code: 'INSTALL_FAILED_INSUFFICIENT_STORAGE', message: '' });
    expect(parseInstallOutput('Error: java.lang.IllegalArgumentException: Unknown package')).toMatchObject({ ok: false, code: 'INSTALL_FAILED_UNKNOWN' });
  });

  it('reads am start -W and monkey results', () => {
    expect(parseAmStart('Starting: Intent { cmp=org.x/.Main }\nStatus: ok\nLaunchState: COLD\nActivity: org.x/.Main\nTotalTime: 812\nWaitTime: 820\nComplete\n')).toEqual({ ok: true });
    expect(parseAmStart('Starting: Intent { cmp=org.x/.Nope }\nError type 3\nError: Activity class {org.x/org.x.Nope} does not exist.\n')).toEqual({
      ok: false,
      message: 'Activity class {org.x/org.x.Nope} does not exist.',
    });
    expect(parseMonkey('Events injected: 1\n## Network stats: elapsed time=12ms')).toBe(true);
    expect(parseMonkey('** No activities found to run, monkey aborted.')).toBe(false);
  });

  it('finds the foreground app in dumpsys output', () => {
    expect(parseForegroundPackage('  mResumedActivity: ActivityRecord{8d1f2a u0 org.example.safety/.MainActivity t41}\n')).toBe('org.example.safety');
    expect(parseForegroundPackage('  ResumedActivity: ActivityRecord{1 u0 com.oculus.vrshell/.MainActivity t2}')).toBe('com.oculus.vrshell');
    expect(parseForegroundPackage('  mCurrentFocus=Window{3c2 u0 org.example.chem/org.example.chem.Main}')).toBe('org.example.chem');
    expect(parseForegroundPackage('  mResumedActivity: null')).toBeNull();
  });

  it('reads whether the headset is awake from dumpsys power', () => {
    expect(parseWakefulness('Power Manager State:\n  mDirty=0x0\n  mWakefulness=Awake\n  mWakefulnessChanging=false\n')).toBe('awake');
    expect(parseWakefulness('  mWakefulness=Asleep\r\n')).toBe('asleep');
    expect(parseWakefulness('  mWakefulness=Dozing\n')).toBe('asleep');
    expect(parseWakefulness('  mWakefulnessChanging=false\n  mWakefulness=Sideways\n')).toBeNull();
    expect(parseWakefulness("Can't find service: power\n")).toBeNull();
  });
});
