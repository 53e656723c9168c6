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
