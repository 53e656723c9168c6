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
