export type ImportSelection<F extends { name: string }> =
  | { readonly ok: true; readonly apk: F; readonly obbs: readonly F[] }
  | { readonly ok: false; readonly problem: 'noApk' | 'severalApks' | 'unsupported'; readonly names: readonly string[] };

const extension = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');

/**
 * What a drop (or a pick) means: one app, with any expansion files that belong to it. Anything else is
 * refused whole, before a byte is uploaded, so a half-imported app never reaches the library.
 */
export function selectImportFiles<F extends { name: string }>(files: readonly F[]): ImportSelection<F> {
  const unsupported = files.filter((f) => !['apk', 'obb'].includes(extension(f.name)));
  if (unsupported.length > 0) return { ok: false, problem: 'unsupported', names: unsupported.map((f) => f.name) };
  const apks = files.filter((f) => extension(f.name) === 'apk');
  if (apks.length > 1) return { ok: false, problem: 'severalApks', names: apks.map((f) => f.name) };
  const [apk] = apks;
  if (!apk) return { ok: false, problem: 'noApk', names: files.map((f) => f.name) };
  return { ok: true, apk, obbs: files.filter((f) => extension(f.name) === 'obb') };
}
