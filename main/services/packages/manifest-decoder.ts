/** What the decoder returns; main validates every field before trusting it (see manifest-fields.ts). */
export interface DecodedManifest {
  readonly package: unknown;
  readonly versionCode: unknown;
  readonly versionCodeMajor: unknown;
  readonly versionName: unknown;
  readonly minSdk: unknown;
  readonly targetSdk: unknown;
  readonly label: unknown;
  readonly activities: ReadonlyArray<{ readonly name: unknown; readonly alias: boolean; readonly main: boolean; readonly categories: readonly unknown[] }>;
}

/**
 * Decodes the parts of a compiled AndroidManifest.xml (Android binary XML) that Outpost uses.
 *
 * It runs inside a worker with a small heap (manifest-worker.ts ships its source text there), so it must
 * stay self-contained: no imports and no names from this module inside the body. Every loop is bounded by
 * the input length; strings are decoded only when an attribute needs them, once per offset (a pool of a
 * million entries pointing at one string costs one decode), and the total decoded text is capped.
 */
export function decodeManifest(bytes: Uint8Array, maxDecodedChars: number): DecodedManifest {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  const fail = (message: string): never => {
    throw new Error(message);
  };
  const u16 = (at: number): number => (at + 2 <= length ? view.getUint16(at, true) : fail('truncated manifest'));
  const u32 = (at: number): number => (at + 4 <= length ? view.getUint32(at, true) : fail('truncated manifest'));
  if (u16(0) !== 0x0003) fail('not a binary XML manifest');
  const fileEnd = Math.min(u32(4), length);

  let pool = { start: 0, headerSize: 0, count: 0, stringsStart: 0, end: 0, utf8: false };
  let resourceIds: number[] = [];
  const decoded = new Map<number, string>();
  let decodedChars = 0;
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  const utf16 = new TextDecoder('utf-16le', { fatal: false });

  const stringAt = (index: number): string | null => {
    if (index === 0xffffffff || index >= pool.count) return null;
    const offset = pool.start + pool.stringsStart + u32(pool.start + pool.headerSize + index * 4);
    const cached = decoded.get(offset);
    if (cached !== undefined) return cached;
    if (offset + 4 > pool.end) fail('string outside its pool');
    let text: string;
    if (pool.utf8) {
      let at = offset;
      at += bytes[at]! & 0x80 ? 2 : 1;
      let size = bytes[at]!;
      if (size & 0x80) {
        size = ((size & 0x7f) << 8) | bytes[at + 1]!;
        at += 2;
      } else at += 1;
      if (at + size > pool.end) fail('string runs past its pool');
      text = utf8.decode(bytes.subarray(at, at + size));
    } else {
      let units = u16(offset);
      let at = offset + 2;
      if (units & 0x8000) {
        units = ((units & 0x7fff) << 16) | u16(at);
        at += 2;
      }
      if (at + units * 2 > pool.end) fail('string runs past its pool');
      text = utf16.decode(bytes.subarray(at, at + units * 2));
    }
    decodedChars += text.length;
    if (decodedChars > maxDecodedChars) fail('the manifest holds more text than any app needs');
    decoded.set(offset, text);
    return text;
  };

  // Framework attribute ids (android.R.attr): stripped manifests name attributes only through these.
  const ATTR: Record<number, string> = {
    0x01010001: 'label',
    0x01010003: 'name',
    0x0101020c: 'minSdkVersion',
    0x0101021b: 'versionCode',
    0x0101021c: 'versionName',
    0x01010270: 'targetSdkVersion',
    0x01010576: 'versionCodeMajor',
  };
  const attrName = (index: number): string | null => {
    const id = index < resourceIds.length ? resourceIds[index]! : 0;
    return ATTR[id] ?? stringAt(index);
  };

  const result = {
    package: null as unknown,
    versionCode: null as unknown,
    versionCodeMajor: null as unknown,
    versionName: null as unknown,
    minSdk: null as unknown,
    targetSdk: null as unknown,
    label: null as unknown,
    activities: [] as Array<{ name: unknown; alias: boolean; main: boolean; categories: unknown[] }>,
  };
  const path: string[] = [];
  let activity: { name: unknown; alias: boolean; main: boolean; categories: unknown[] } | null = null;
  let filterHasMain = false;
  let filterCategories: unknown[] = [];

  let at = u16(2);
  while (at + 8 <= fileEnd) {
    const type = u16(at);
    const headerSize = u16(at + 2);
    const size = u32(at + 4);
    if (size < 8 || at + size > fileEnd || headerSize > size) fail('malformed chunk');
    if (type === 0x0001) {
      pool = { start: at, headerSize, count: u32(at + 8), stringsStart: u32(at + 20), end: at + size, utf8: (u32(at + 16) & 0x100) !== 0 };
      if (headerSize + pool.count * 4 > size) fail('string pool larger than its chunk');
      decoded.clear();
    } else if (type === 0x0180) {
      const count = Math.floor((size - headerSize) / 4);
      resourceIds = [];
      for (let i = 0; i < count; i++) resourceIds.push(u32(at + headerSize + i * 4));
    } else if (type === 0x0102) {
      const name = stringAt(u32(at + 20)) ?? '';
      path.push(name);
      if (path.length > 64) fail('manifest nested too deep');
      const attrStart = at + headerSize + u16(at + 24);
      const attrSize = u16(at + 26);
      const attrCount = u16(at + 28);
      if (attrSize < 20 || attrStart + attrSize * attrCount > at + size) fail('attributes outside their element');
      const attrs: Record<string, unknown> = {};
      for (let i = 0; i < attrCount; i++) {
        const a = attrStart + i * attrSize;
        const key = attrName(u32(a + 4));
        if (key === null) continue;
        const raw = u32(a + 8);
        const dataType = bytes[a + 15]!;
        const data = u32(a + 16);
        if (dataType === 0x03) attrs[key] = stringAt(data);
        else if (dataType === 0x10 || dataType === 0x11) attrs[key] = data | 0;
        else if (dataType === 0x12) attrs[key] = data !== 0;
        else if (dataType === 0x01) attrs[key] = { resourceId: data };
        else attrs[key] = raw === 0xffffffff ? null : stringAt(raw);
      }
      const where = path.join('/');
      if (where === 'manifest') {
        result.package = attrs['package'] ?? null;
        result.versionCode = attrs['versionCode'] ?? null;
        result.versionCodeMajor = attrs['versionCodeMajor'] ?? null;
        result.versionName = attrs['versionName'] ?? null;
      } else if (where === 'manifest/uses-sdk') {
        result.minSdk = attrs['minSdkVersion'] ?? null;
        result.targetSdk = attrs['targetSdkVersion'] ?? null;
      } else if (where === 'manifest/application') {
        result.label = attrs['label'] ?? null;
      } else if (where === 'manifest/application/activity' || where === 'manifest/application/activity-alias') {
        activity = { name: attrs['name'] ?? null, alias: name === 'activity-alias', main: false, categories: [] };
        if (result.activities.length < 10_000) result.activities.push(activity);
      } else if (activity !== null && path.length === 4 && name === 'intent-filter') {
        filterHasMain = false;
        filterCategories = [];
      } else if (activity !== null && path.length === 5 && path[3] === 'intent-filter') {
        if (name === 'action' && attrs['name'] === 'android.intent.action.MAIN') filterHasMain = true;
        if (name === 'category' && filterCategories.length < 64) filterCategories.push(attrs['name'] ?? null);
      }
    } else if (type === 0x0103) {
      const name = path.pop();
      if (activity !== null && path.length === 3 && name === 'intent-filter' && filterHasMain) {
        activity.main = true;
        for (const category of filterCategories) if (activity.categories.length < 64) activity.categories.push(category);
      }
      if (path.length === 2) activity = null;
    }
    at += size;
  }
  return result;
}
