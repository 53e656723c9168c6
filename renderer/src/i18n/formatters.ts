/**
 * Intl formatters, built once per locale and options and kept. Building an Intl.DateTimeFormat or
 * NumberFormat costs far more than formatting with one (it loads the locale's data): a list of a thousand
 * cards that built one per call spent most of its render doing that. Every formatter in the renderer comes
 * from here; nothing else calls `new Intl.*` or `toLocale*String`.
 *
 * The cache is bounded: options are plain data written in code (plus a test's time zone), so a page uses a
 * handful; past MAX_FORMATTERS the oldest entry goes, so nothing grows without end.
 */
export const MAX_FORMATTERS = 256;

type Kind = 'date' | 'number' | 'relative' | 'collator';
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.Collator;

const cache = new Map<string, Formatter>();

/** Options as a stable key: keys sorted, undefined values left out (so `{ a: 1 }` and `{ a: 1, b: undefined }` match). */
function keyOf(kind: Kind, locale: string, options: object): string {
  const entries = Object.entries(options)
    .filter((entry) => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${kind}\n${locale}\n${JSON.stringify(entries)}`;
}

function cached<F extends Formatter>(kind: Kind, locale: string, options: object, make: () => F): F {
  const key = keyOf(kind, locale, options);
  const found = cache.get(key);
  if (found) return found as F;
  const made = make();
  if (cache.size >= MAX_FORMATTERS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, made);
  return made;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions = {}): Intl.RelativeTimeFormat {
  return cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

export function collator(locale: string | undefined, options: Intl.CollatorOptions = {}): Intl.Collator {
  return cached('collator', locale ?? '', options, () => new Intl.Collator(locale, options));
}

/** How many formatters are kept (tests). */
export function cachedFormatterCount(): number {
  return cache.size;
}
