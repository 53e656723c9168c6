/** The orders the learner's list offers, each one sortBy + sortOrder of the API. */
export const LIST_SORTS = {
  newest: { sortBy: 'createdAt', sortOrder: 'desc' },
  oldest: { sortBy: 'createdAt', sortOrder: 'asc' },
  bestSimilarity: { sortBy: 'averagePoseSimilarity', sortOrder: 'desc' },
} as const;
export type ListSort = keyof typeof LIST_SORTS;
export const LIST_PAGE_SIZE = 10;
