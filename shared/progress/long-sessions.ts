/**
 * A VR session is "far longer than others" when it has run more than this many times the class's median
 * for the same package, and at least the floor (a 3-minute experience running 7 minutes is no alarm).
 */
export const LONG_SESSION_FACTOR = 2;
export const LONG_SESSION_FLOOR_SECONDS = 15 * 60;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Which of the running sessions run long, measured against everyone else's time with the package (finished
 * sessions' time and other running sessions so far). At least two others are needed to speak of "others".
 */
export function longRunning(running: ReadonlyMap<string, number>, finished: readonly number[]): Set<string> {
  const flagged = new Set<string>();
  for (const [learner, seconds] of running) {
    const others = [...finished, ...[...running].filter(([other]) => other !== learner).map(([, s]) => s)];
    if (others.length < 2 || seconds < LONG_SESSION_FLOOR_SECONDS) continue;
    if (seconds > LONG_SESSION_FACTOR * median(others)) flagged.add(learner);
  }
  return flagged;
}

/** Finished times as [seconds, how many] pairs, ascending by seconds (what VR summaries keep). */
export type CountedTimes = readonly (readonly [number, number])[];

/** The k-th smallest (from 0) of the counted times and the sorted `values` together. */
function kth(counted: CountedTimes, values: readonly number[], k: number): number {
  let i = 0;
  let j = 0;
  let seen = 0;
  for (;;) {
    const pair = counted[i];
    const value = values[j];
    if (pair !== undefined && (value === undefined || pair[0] <= value)) {
      if (k < seen + pair[1]) return pair[0];
      seen += pair[1];
      i += 1;
    } else if (value !== undefined) {
      if (k === seen) return value;
      seen += 1;
      j += 1;
    } else throw new RangeError(`no element ${k} among ${seen}`);
  }
}

/**
 * longRunning with the finished times counted per distinct time instead of listed one by one: the same
 * learners, the same exact median (a class's 100,000 finished sessions of a package are a few hundred
 * distinct times).
 */
export function longRunningCounted(running: ReadonlyMap<string, number>, finished: CountedTimes): Set<string> {
  const flagged = new Set<string>();
  const finishedCount = finished.reduce((sum, [, count]) => sum + count, 0);
  const entries = [...running];
  for (const [learner, seconds] of entries) {
    const others = entries.filter(([other]) => other !== learner).map(([, s]) => s).sort((a, b) => a - b);
    const total = finishedCount + others.length;
    if (total < 2 || seconds < LONG_SESSION_FLOOR_SECONDS) continue;
    const mid = Math.floor(total / 2);
    const median = total % 2 === 1 ? kth(finished, others, mid) : (kth(finished, others, mid - 1) + kth(finished, others, mid)) / 2;
    if (seconds > LONG_SESSION_FACTOR * median) flagged.add(learner);
  }
  return flagged;
}

/** Several counted lists as one (a package's finished times over the class's learners). */
export function mergeCounted(lists: readonly CountedTimes[]): CountedTimes {
  const counts = new Map<number, number>();
  for (const list of lists) for (const [value, count] of list) counts.set(value, (counts.get(value) ?? 0) + count);
  return [...counts].sort((a, b) => a[0] - b[0]);
}
