/**
 * One battery threshold for the whole cart: below it main refuses to install (a headset may die
 * mid-install and keep a half-written package) and the Headsets page warns, so the warning always means
 * "this headset will be refused", never a second, different number.
 */
export const MIN_BATTERY_PERCENT = 10;

export function batteryTooLow(level: number | null): boolean {
  return level !== null && level < MIN_BATTERY_PERCENT;
}
