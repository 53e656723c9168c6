import { parseAmStart } from '../headsets/adb-output';
import { shellQuote } from '../headsets/adbkit-headset-bridge';
import type { HeadsetBridge, LaunchOutcome } from '../headsets/headset-bridge';

/**
 * A launcher for launchAndConfirm that hands the app its intent extras with `am start --es/--ei`. Monkey
 * (the fallback when no activity is known) cannot carry extras, so without an activity the launch is
 * left to the bridge and `carried` stays false.
 */
export function launcherWithExtras(bridge: HeadsetBridge, extras: { readonly strings: Record<string, string>; readonly ints: Record<string, number> }) {
  let carried = false;
  const launcher: Pick<HeadsetBridge, 'launch' | 'foregroundPackage' | 'wakefulness'> = {
    async launch(serial, packageName, activity, limits): Promise<LaunchOutcome> {
      if (!activity) return bridge.launch(serial, packageName, activity, limits);
      const component = activity.startsWith('.') || !activity.includes('/') ? `${packageName}/${activity}` : activity;
      const args = ['am', 'start', '-W', '-n', shellQuote(component)];
      for (const [key, value] of Object.entries(extras.strings)) args.push('--es', shellQuote(key), shellQuote(value));
      for (const [key, value] of Object.entries(extras.ints)) args.push('--ei', shellQuote(key), String(Math.trunc(value)));
      const started = parseAmStart(await bridge.shell(serial, args.join(' '), limits));
      if (!started.ok) return { ok: false, message: started.message };
      carried = true;
      return { ok: true, via: 'am_start' };
    },
    foregroundPackage: (serial, limits) => bridge.foregroundPackage(serial, limits),
    wakefulness: (serial, limits) => bridge.wakefulness(serial, limits),
  };
  return { launcher, carried: () => carried };
}
