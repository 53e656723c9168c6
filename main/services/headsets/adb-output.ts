/**
 * Parsers for what Android's shell tools print. Each takes the raw text and returns a value or null, so a
 * firmware that prints something unexpected degrades to "unknown" instead of a crash.
 */

/** `dumpsys battery`: "  level: 87". */
export function parseBatteryLevel(text: string): number | null {
  const level = /^\s*level:\s*(\d+)\s*$/m.exec(text)?.[1];
  const scale = /^\s*scale:\s*(\d+)\s*$/m.exec(text)?.[1];
  if (level === undefined) return null;
  const value = scale && Number(scale) > 0 ? Math.round((Number(level) * 100) / Number(scale)) : Number(level);
  return Math.max(0, Math.min(100, value));
}

/**
 * `df -k /data` (toybox): a header, then "Filesystem 1K-blocks Used Available Use% Mounted on". Long device
 * names wrap onto their own line on some builds, so the numbers are read from the last line that has them.
 */
export function parseDfKilobytes(text: string): { totalBytes: number; freeBytes: number } | null {
  const rows = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4);
  for (const cols of rows.reverse()) {
    const numbers = cols.filter((c) => /^\d+$/.test(c)).map(Number);
    if (numbers.length >= 3) {
      const [total, , available] = numbers as [number, number, number];
      return { totalBytes: total * 1024, freeBytes: available * 1024 };
    }
  }
  return null;
}

/** `pm list packages --show-versioncode`: "package:com.example.app versionCode:42". */
export function parsePackageList(text: string): Array<{ package_name: string; version_code: number }> {
  const out: Array<{ package_name: string; version_code: number }> = [];
  for (const match of text.matchAll(/^package:(\S+)\s+versionCode:(\d+)\s*$/gm)) {
    out.push({ package_name: match[1] ?? '', version_code: Number(match[2]) });
  }
  return out;
}

export type InstallOutput = { ok: true } | { ok: false; code: string; message: string };

/** `pm install`: "Success", or "Failure [INSTALL_FAILED_X: detail]" (older builds: "Failure [INSTALL_FAILED_X]"). */
export function parseInstallOutput(text: string): InstallOutput {
  if (/^Success\s*$/m.test(text)) return { ok: true };
  const failure = /Failure \[([A-Z0-9_]+)(?::\s*([^\]]*))?\]/.exec(text);
  if (failure) return { ok: false, code: failure[1] ?? 'INSTALL_FAILED_UNKNOWN', message: (failure[2] ?? '').trim() };
  const error = /^(?:Error|Exception):?\s*(.+)$/m.exec(text);
  return { ok: false, code: 'INSTALL_FAILED_UNKNOWN', message: (error?.[1] ?? text).trim().slice(0, 300) };
}

/** `am start -W`: "Status: ok" on success; an "Error: ..." line otherwise. */
export function parseAmStart(text: string): { ok: true } | { ok: false; message: string } {
  const error = /^Error(?: type \d+)?:\s*(.+)$/m.exec(text);
  if (error) return { ok: false, message: error[1]?.trim() ?? 'unknown error' };
  if (/^Status:\s*ok\s*$/m.test(text) || /^Complete\s*$/m.test(text)) return { ok: true };
  return { ok: false, message: text.trim().slice(0, 300) || 'no output' };
}

/** `monkey -p PKG ... 1`: "Events injected: 1"; "** No activities found to run, monkey aborted." otherwise. */
export function parseMonkey(text: string): boolean {
  return /Events injected:\s*[1-9]/.test(text) && !/monkey aborted/i.test(text);
}

/**
 * The resumed (foreground) app from `dumpsys activity activities`: "mResumedActivity: ActivityRecord{... u0
 * com.x/.Main t12}" (Android 10+ also prints "ResumedActivity:"), or `dumpsys window`'s mCurrentFocus.
 */
export function parseForegroundPackage(text: string): string | null {
  const resumed = /(?:mResumedActivity|ResumedActivity|topResumedActivity)[:=]\s*ActivityRecord\{[^}]*?\s([A-Za-z0-9_.]+)\/[^\s}]+/.exec(text);
  if (resumed) return resumed[1] ?? null;
  const focus = /mCurrentFocus=Window\{[^}]*?\s([A-Za-z0-9_.]+)\/[^\s}]+\}/.exec(text);
  return focus?.[1] ?? null;
}
