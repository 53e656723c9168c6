/**
 * A session's cmi_data is one flat map, but a multi-SCO course has a data model per SCO. Single-item
 * courses store the plain keys ("cmi.core.lesson_status", as in the seed); multi-item courses prefix each
 * key with its item: "sco:<item identifier>:cmi.core.lesson_status". Outpost's own keys start "outpost.".
 */
export const CURRENT_ITEM_KEY = 'outpost.current_item';

export function scoPrefix(itemId: string, multi: boolean): string {
  return multi ? `sco:${itemId}:` : '';
}

/** One item's keys, unprefixed. */
export function itemCmi(cmi: Readonly<Record<string, string>>, itemId: string, multi: boolean): Record<string, string> {
  const prefix = scoPrefix(itemId, multi);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(cmi)) {
    if (multi ? key.startsWith(prefix) : key.startsWith('cmi.') || key.startsWith('adl.')) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/** Replaces one item's keys in the session's map with a fresh commit of that item. */
export function withItemCmi(cmi: Readonly<Record<string, string>>, itemId: string, multi: boolean, next: Readonly<Record<string, string>>): Record<string, string> {
  const prefix = scoPrefix(itemId, multi);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(cmi)) {
    const mine = multi ? key.startsWith(prefix) : key.startsWith('cmi.') || key.startsWith('adl.');
    if (!mine) out[key] = value;
  }
  for (const [key, value] of Object.entries(next)) out[`${prefix}${key}`] = value;
  return out;
}

/** Where a session keeps a 4th edition shared data store (adl.data), by target id: one per session, for all its items. */
export const SHARED_DATA_PREFIX = 'outpost.shared_data:';

/**
 * The shared stores an item's commit changed: each adl.data.n whose id is a store the item may write
 * (its map says writeSharedData) and whose value differs from the session's. A store never set stays
 * unset ('' is then the run-time's empty answer, not a value).
 */
export function sharedDataWrites(maps: ReadonlyArray<{ readonly target_id: string; readonly write: boolean }>, cmi: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>>): Record<string, string> {
  const writable = new Set(maps.filter((map) => map.write).map((map) => map.target_id));
  const out: Record<string, string> = {};
  for (const [key, target] of Object.entries(cmi)) {
    const match = /^adl\.data\.(\d{1,3})\.id$/.exec(key);
    if (!match || !writable.has(target)) continue;
    const value = cmi[`adl.data.${match[1]}.store`];
    const before = stored[`${SHARED_DATA_PREFIX}${target}`];
    if (value === undefined || value.length > 64_000 || value === before || (before === undefined && value === '')) continue;
    out[target] = value;
  }
  return out;
}

/** The stores an item's maps name, as the session keeps them (for the item's init). */
export function sharedDataStores(maps: ReadonlyArray<{ readonly target_id: string }>, cmi: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const map of maps) {
    const value = cmi[`${SHARED_DATA_PREFIX}${map.target_id}`];
    if (value !== undefined) out[map.target_id] = value;
  }
  return out;
}
