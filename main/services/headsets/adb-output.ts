/**
 * Parsers for what Android's shell tools print. Each takes the raw text and returns a value or null, so a
 * firmware that prints something unexpected degrades to "unknown" instead of a crash. All of them work
 * line by line with anchored, non-nested patterns: time grows linearly with the output, whatever it holds.
 */

/** Lines, each trimmed of the CR that a pty adds. */
function lines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The value of the first "  key: value" line. */
function field(text: string, key: string): string | undefined {
  const prefix = `${key}:`;
  for (const line of lines(text)) {
    const trimmed = line.trim();
    if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length).trim();
  }
  return undefined;
}

/** Up to 10^12: kilobytes of a petabyte disk stay exact once multiplied by 1024. */
const DIGITS = /^\d{1,12}$/;

/** `dumpsys battery`: "  level: 87". */
export function parseBatteryLevel(text: string): number | null {
  const level = field(text, 'level');
  const scale = field(text, 'scale');
  if (level === undefined || !DIGITS.test(level)) return null;
  const value = scale !== undefined && DIGITS.test(scale) && Number(scale) > 0 ? Math.round((Number(level) * 100) / Number(scale)) : Number(level);
  return Math.max(0, Math.min(100, value));
}

/**
 * `df -k /data` (toybox): a header, then "Filesystem 1K-blocks Used Available Use% Mounted on". Long device
 * names wrap onto their own line on some builds, so the numbers are read from the last line that has them.
 */
export function parseDfKilobytes(text: string): { totalBytes: number; freeBytes: number } | null {
  for (const line of lines(text).reverse()) {
    const numbers = line
      .trim()
      .split(/\s+/)
      .filter((c) => DIGITS.test(c))
      .map(Number);
    if (numbers.length >= 3) {
      const [total, , available] = numbers as [number, number, number];
      return { totalBytes: total * 1024, freeBytes: available * 1024 };
    }
  }
  return null;
}

/**
 * Android's versionCode is a long (versionCodeMajor << 32 | versionCode), so it is kept as a bigint:
 * a JavaScript number would silently round anything past 2^53.
 */
export interface InstalledVersion {
  readonly package_name: string;
  readonly version_code: bigint;
}

const PACKAGE_NAME = /^[A-Za-z0-9_.]{1,255}$/;
const LONG = /^-?\d{1,19}$/;

/** `pm list packages --show-versioncode`: "package:com.example.app versionCode:42"; odd lines are skipped. */
export function parsePackageList(text: string): InstalledVersion[] {
  const out: InstalledVersion[] = [];
  for (const line of lines(text)) {
    const [name, version, ...rest] = line.trim().split(/\s+/);
    if (rest.length > 0 || !name?.startsWith('package:') || !version?.startsWith('versionCode:')) continue;
    const packageName = name.slice('package:'.length);
    const code = version.slice('versionCode:'.length);
    if (!PACKAGE_NAME.test(packageName) || !LONG.test(code)) continue;
    out.push({ package_name: packageName, version_code: BigInt(code) });
  }
  return out;
}

export type InstallOutput = { ok: true } | { ok: false; code: string; message: string };

/** `pm install`: "Success", or "Failure [INSTALL_FAILED_X: detail]" (older builds: "Failure [INSTALL_FAILED_X]"). */
export function parseInstallOutput(text: string): InstallOutput {
  const all = lines(text).map((line) => line.trim());
  if (all.includes('Success')) return { ok: true };
  for (const line of all) {
    const start = line.indexOf('Failure [');
    if (start < 0) continue;
    const end = line.indexOf(']', start);
    const inside = line.slice(start + 'Failure ['.length, end < 0 ? undefined : end);
    const colon = inside.indexOf(':');
    const code = (colon < 0 ? inside : inside.slice(0, colon)).trim();
    return { ok: false, code: /^[A-Z0-9_]{1,80}$/.test(code) ? code : 'INSTALL_FAILED_UNKNOWN', message: colon < 0 ? '' : inside.slice(colon + 1).trim().slice(0, 300) };
  }
  const error = all.find((line) => line.startsWith('Error') || line.startsWith('Exception'));
  const detail = error === undefined ? text.trim() : error.replace(/^(?:Error|Exception):?/, '').trim();
  return { ok: false, code: 'INSTALL_FAILED_UNKNOWN', message: detail.slice(0, 300) };
}

/** `am start -W`: "Status: ok" on success; an "Error: ..." line otherwise. */
export function parseAmStart(text: string): { ok: true } | { ok: false; message: string } {
  const all = lines(text).map((line) => line.trim());
  const error = all.find((line) => line.startsWith('Error:'));
  if (error !== undefined) return { ok: false, message: error.slice('Error:'.length).trim().slice(0, 300) || 'unknown error' };
  if (all.some((line) => /^Status:\s*ok$/.test(line) || line === 'Complete')) return { ok: true };
  return { ok: false, message: text.trim().slice(0, 300) || 'no output' };
}

/** `monkey -p PKG ... 1`: "Events injected: 1"; "** No activities found to run, monkey aborted." otherwise. */
export function parseMonkey(text: string): boolean {
  const injected = field(text, 'Events injected');
  return injected !== undefined && /^[1-9]\d{0,9}$/.test(injected) && !text.toLowerCase().includes('monkey aborted');
}

/** "{... u0 com.x/.Main t12}": the package of the first token that names a component. */
function packageOfRecord(line: string, open: string): string | null {
  const start = line.indexOf(open);
  if (start < 0) return null;
  const end = line.indexOf('}', start);
  const inside = line.slice(start + open.length, end < 0 ? undefined : end);
  for (const token of inside.split(/\s+/)) {
    const slash = token.indexOf('/');
    if (slash > 0 && PACKAGE_NAME.test(token.slice(0, slash))) return token.slice(0, slash);
  }
  return null;
}

const RESUMED_KEYS = ['mResumedActivity', 'ResumedActivity', 'topResumedActivity'];

/**
 * The resumed (foreground) app from `dumpsys activity activities`: "mResumedActivity: ActivityRecord{... u0
 * com.x/.Main t12}" (Android 10+ also prints "ResumedActivity:"), or `dumpsys window`'s mCurrentFocus.
 */
export function parseForegroundPackage(text: string): string | null {
  let focus: string | null = null;
  for (const line of lines(text)) {
    const trimmed = line.trimStart();
    if (RESUMED_KEYS.some((key) => trimmed.startsWith(`${key}:`) || trimmed.startsWith(`${key}=`))) {
      const found = packageOfRecord(trimmed, 'ActivityRecord{');
      if (found !== null) return found;
    } else if (focus === null && trimmed.startsWith('mCurrentFocus=')) {
      focus = packageOfRecord(trimmed, 'Window{');
    }
  }
  return focus;
}

/**
 * `dumpsys package PKG`: "signatures=PackageSignatures{ffe9d7e version:3, signatures:[f4ae824f], past
 * signatures:[]}" (Android 9+; before: "PackageSignatures{2cb80c0 [a2b14acf]}"), the hex of each
 * Signature#hashCode; null when the package or the line is not there.
 */
export function parsePackageSignatures(text: string): string[] | null {
  for (const line of lines(text)) {
    const start = line.indexOf('signatures=PackageSignatures{');
    if (start < 0) continue;
    const modern = line.indexOf(', signatures:[', start);
    const open = modern >= 0 ? modern + ', signatures:['.length : line.indexOf('[', start) + 1;
    const end = line.indexOf(']', open);
    if (open <= 0 || end < 0) return null;
    return line
      .slice(open, end)
      .split(',')
      .map((h) => h.trim())
      .filter((h) => /^[0-9a-f]{1,8}$/.test(h));
  }
  return null;
}

/**
 * `dumpsys power`: "  mWakefulness=Awake". Asleep, Dozing and Dreaming all mean the display shows no app
 * (on a Quest: nobody wears it, or its power button put it to sleep); null when the line is not there.
 */
export function parseWakefulness(text: string): 'awake' | 'asleep' | null {
  for (const line of lines(text)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('mWakefulness=')) continue;
    const value = trimmed.slice('mWakefulness='.length);
    if (value === 'Awake') return 'awake';
    if (value === 'Asleep' || value === 'Dozing' || value === 'Dreaming') return 'asleep';
    return null;
  }
  return null;
}
