/**
 * Where each page of the list starts: page 1 has no cursor, page n+1 starts after page n's
 * nextPageToken. Going back reuses the cursor remembered for that page, so pages stay stable while
 * plays are added (a new play shows on page 1 when the learner returns to it).
 */
export interface Paging {
  readonly cursors: readonly (string | null)[];
  readonly index: number;
}

export const FIRST_PAGE: Paging = { cursors: [null], index: 0 };

export function nextPage(paging: Paging, nextPageToken: string | null): Paging {
  if (nextPageToken === null) return paging;
  return { cursors: [...paging.cursors.slice(0, paging.index + 1), nextPageToken], index: paging.index + 1 };
}

export function previousPage(paging: Paging): Paging {
  return paging.index === 0 ? paging : { ...paging, index: paging.index - 1 };
}

export function cursorOf(paging: Paging): string | null {
  return paging.cursors[paging.index] ?? null;
}
