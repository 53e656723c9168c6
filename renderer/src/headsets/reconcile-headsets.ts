import type { Headset } from '../../../shared/headsets/headset';

/**
 * What the kiosk should remember after main reports the cart: main's view of every headset it knows,
 * and every other headset seen before (say, before a restart) kept with its last readings but marked
 * disconnected, so the instructor still sees which headset is missing.
 */
export function reconcileHeadsets(stored: readonly Headset[], live: readonly Headset[]): Headset[] {
  const liveSerials = new Set(live.map((h) => h.serial));
  const gone = stored.filter((h) => !liveSerials.has(h.serial)).map((h): Headset => (h.state === 'disconnected' ? h : { ...h, state: 'disconnected' }));
  return [...live, ...gone];
}

/**
 * main lists a headset the moment adb sees it and reads it a moment later (or never, while it is
 * unauthorized); until then the readings remembered from last time are better than blanks.
 */
export function mergeReadings(previous: Headset | undefined, next: Headset): Headset {
  const unread = next.model === null && next.battery_level === null && next.free_bytes === null;
  if (!previous || !unread) return next;
  const { model, battery_level, free_bytes, total_bytes, installed } = previous;
  return { ...next, model, battery_level, free_bytes, total_bytes, installed, label: next.label ?? previous.label };
}
