/**
 * A change a summary cannot follow by itself (the row it keeps as the newest went away, say): the caller
 * reads the summary's rows again and summarises them afresh. Shared by every summary kind
 * (vr-summary.ts, lesson-summary.ts) and the database middleware that keeps them.
 */
export const REBUILD = Symbol('rebuild the summary from its rows');

/**
 * The row that takes the place of `kept` (a summary's newest, oldest, ...: first in the order `before`)
 * after the rows with ids in `gone` were removed and `added` added: `kept` if it stays and no added row
 * comes before it; the first added row if `kept` went and nothing left can come before that row; else
 * REBUILD (the rows must be read again). `make` keeps of a row what the summary holds.
 */
export function follow<K extends { readonly id: string }, R extends { readonly id: string }>(
  kept: K | undefined,
  gone: ReadonlySet<string>,
  added: readonly R[],
  before: (a: K | R, b: K | R) => boolean,
  make: (row: R) => K,
): K | typeof REBUILD {
  let best: R | undefined;
  for (const row of added) if (best === undefined || before(row, best)) best = row;
  if (kept !== undefined && gone.has(kept.id)) return best === undefined || before(kept, best) ? REBUILD : make(best);
  if (best !== undefined && (kept === undefined || before(best, kept))) return make(best);
  return kept ?? REBUILD;
}
