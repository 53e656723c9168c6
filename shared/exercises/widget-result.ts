/**
 * What checking one widget gives, as Perseus scores it: correct or wrong (graded, recorded as an answer),
 * or invalid (empty, unreadable, or an unsimplified fraction where simplifying is required): the learner
 * is told why and may answer again, and nothing is recorded.
 */
export type WidgetResult =
  | { readonly kind: 'correct'; readonly message: string }
  | { readonly kind: 'wrong'; readonly message: string }
  | { readonly kind: 'invalid'; readonly reason: InvalidReason };

export type InvalidReason = 'empty' | 'unreadable' | 'not-simplified' | 'too-long';
