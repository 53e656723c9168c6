/**
 * The length a person sees limits in: Unicode code points, not UTF-16 units. `"😀".length` is 2, so a
 * limit checked with `.length` refuses notes with emoji that a counter in characters says fit. The schema
 * and every counter call this one function so the two can never disagree.
 */
export function codePointLength(text: string): number {
  let count = 0;
  // Iterating a string walks code points: a surrogate pair is one step.
  for (const _ of text) count += 1;
  return count;
}
