import { report, sendOnce } from './experience-client';
import type { ClientAnswer, ExperienceClientOptions } from './experience-client';
import type { QuestHeadset } from './headset';

// A scripted VR experience on an emulated headset: when `am start` launches its package with Outpost's
// extras, it calls the kiosk back through `adb reverse` (the port in the extras), step by step. Hostile
// steps send what a broken or malicious app would.

export type ExperienceStep =
  | { readonly kind: 'progress'; readonly progress: number }
  | { readonly kind: 'complete'; readonly body?: Record<string, unknown> }
  | { readonly kind: 'event'; readonly body: Record<string, unknown> }
  /** Sent once as given, without the retry rules: wrong token, other session, huge body, bad JSON... */
  | { readonly kind: 'raw'; readonly method?: string; readonly path?: string; readonly headers?: Record<string, string>; readonly body?: string }
  /** Waits until the test says go (e.g. after unplugging the headset). */
  | { readonly kind: 'wait'; readonly until: Promise<void> };

export interface ExperienceCall {
  readonly step: ExperienceStep['kind'];
  readonly status: number;
  readonly body: unknown;
  readonly attempts: number;
}

export interface ExperienceRun {
  readonly extras: Record<string, string>;
  readonly calls: ExperienceCall[];
  /** Settles once every step ran (or the link failed for good). */
  readonly done: Promise<void>;
}

export interface ExperienceOptions {
  readonly packageName: string;
  readonly steps: readonly ExperienceStep[];
  readonly client?: Pick<ExperienceClientOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs'>;
}

/** Installs the script; each launch with Outpost's extras starts one run, listed in `runs`. */
export function scriptExperience(headset: QuestHeadset, options: ExperienceOptions): { readonly runs: ExperienceRun[]; remove(): void } {
  const runs: ExperienceRun[] = [];
  const hook = (launched: { packageName: string; extras: Record<string, string> }) => {
    if (launched.packageName !== options.packageName) return;
    const sessionId = launched.extras['outpost.session_id'];
    const token = launched.extras['outpost.token'];
    const port = Number(launched.extras['outpost.port']);
    // An app launched without Outpost's extras has nobody to report to, like the real thing.
    if (sessionId === undefined || token === undefined || !Number.isInteger(port)) return;
    const calls: ExperienceCall[] = [];
    const client: ExperienceClientOptions = { sessionId, token, port, connect: (p) => headset.reverse.connect(p), ...options.client };
    const done = (async () => {
      for (const step of options.steps) calls.push(await runStep(client, step));
    })();
    runs.push({ extras: launched.extras, calls, done: done.catch(() => undefined) });
  };
  headset.state.launchHooks.add(hook);
  return { runs, remove: () => headset.state.launchHooks.delete(hook) };
}

async function runStep(client: ExperienceClientOptions, step: ExperienceStep): Promise<ExperienceCall> {
  let answer: ClientAnswer;
  if (step.kind === 'wait') {
    await step.until;
    return { step: 'wait', status: 0, body: null, attempts: 0 };
  }
  if (step.kind === 'progress') answer = await report(client, 'progress', { progress: step.progress });
  else if (step.kind === 'complete') answer = await report(client, 'complete', step.body ?? {});
  else if (step.kind === 'event') answer = await report(client, 'events', step.body);
  else {
    const headers = step.headers ?? { Authorization: `Outpost-Headset ${client.token}`, 'Content-Type': 'application/json' };
    try {
      const raw = await sendOnce(client, step.method ?? 'POST', step.path ?? `/headset/v1/sessions/${client.sessionId}/complete`, headers, step.body ?? '{}');
      answer = { status: raw.status, body: raw.body, attempts: 1 };
    } catch (error) {
      answer = { status: 0, body: (error as Error).message, attempts: 1 };
    }
  }
  return { step: step.kind, status: answer.status, body: answer.body, attempts: answer.attempts };
}
