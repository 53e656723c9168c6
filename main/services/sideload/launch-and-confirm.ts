import type { HeadsetBridge } from '../headsets/headset-bridge';

export type LaunchResult =
  | { ok: true; serial: string; via: 'am_start' | 'monkey'; confirmed_at: string }
  | { ok: false; serial: string; code: 'LAUNCH_FAILED' | 'NOT_IN_FOREGROUND' | 'HEADSET_ASLEEP'; message: string };

export interface LaunchOptions {
  readonly now: () => Date;
  /** How long to wait for the app to reach the foreground (VR apps can take seconds to show). */
  readonly confirmTimeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * Starts an app and only reports success once the headset says it is the resumed activity: a learner's
 * first_launch_at must mean the experience really runs, not that a command was sent.
 */
export async function launchAndConfirm(bridge: Pick<HeadsetBridge, 'launch' | 'foregroundPackage'> & Partial<Pick<HeadsetBridge, 'wakefulness'>>, serial: string, packageName: string, activity: string | null, options: LaunchOptions): Promise<LaunchResult> {
  let launched;
  try {
    launched = await bridge.launch(serial, packageName, activity);
  } catch (error) {
    return { ok: false, serial, code: 'LAUNCH_FAILED', message: (error as Error).message };
  }
  if (!launched.ok) return { ok: false, serial, code: 'LAUNCH_FAILED', message: launched.message };
  const deadline = Date.now() + (options.confirmTimeoutMs ?? 10_000);
  for (;;) {
    const foreground = await bridge.foregroundPackage(serial).catch(() => null);
    if (foreground === packageName) return { ok: true, serial, via: launched.via, confirmed_at: options.now().toISOString() };
    if (Date.now() >= deadline) {
      // A Quest nobody wears sleeps: `am start` succeeds there but the app stays paused until someone puts
      // it on, and the instructor needs to hear that rather than "did not start". Asked once, at the end,
      // so a learner who puts the headset on while we wait still counts as a launch.
      const wake = await bridge.wakefulness?.(serial).catch(() => null);
      if (wake === 'asleep') {
        return { ok: false, serial, code: 'HEADSET_ASLEEP', message: `${packageName} started but the headset is asleep or not worn: put it on or wake it, then launch again` };
      }
      return { ok: false, serial, code: 'NOT_IN_FOREGROUND', message: `${packageName} did not come to the foreground (showing ${foreground ?? 'nothing'})` };
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}
