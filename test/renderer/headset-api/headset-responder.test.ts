import { describe, expect, it } from 'vitest';
import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import type { Result } from '../../../shared/ipc/result';
import { fail, ok } from '../../../shared/ipc/result';
import type { CompletionPorts } from '../../../renderer/src/data/vr-completion-statement';
import { startHeadsetResponder } from '../../../renderer/src/headset-api/headset-responder';
import type { ResponderChannels } from '../../../renderer/src/headset-api/headset-responder';
import { ManualTimers } from '../../support/manual-timers';

const ME = 'window-aaaa-1111';
const SESSION = '0b8f3d4e-1c2a-4f5b-9d6e-7a8b9c0d1e2f';
// The responder is handed its apply step in these tests, so it never reaches the data layer.
const NO_PORTS = {} as CompletionPorts;

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function request(n: number, responder = ME): HeadsetApiRequest {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, responder, serial: '1WMHH000000001', session_id: SESSION, action: 'progress', body: { progress: n / 10 } };
}

/** main's side of the three channels, scripted: attach answers with a lease (or fails), respond records. */
function fakeMain(options: { leaseMs?: number; attachFails?: boolean } = {}) {
  const attaches: string[] = [];
  const answers: HeadsetApiRespond[] = [];
  let listener: ((payload: HeadsetApiRequest) => void) | null = null;
  const ipc: ResponderChannels = {
    invoke: (async (channel: string, payload: unknown): Promise<Result<unknown>> => {
      if (channel === 'headset-api:attach') {
        attaches.push((payload as { responder: string }).responder);
        return options.attachFails ? fail('INTERNAL', 'main is restarting') : ok({ lease_ms: options.leaseMs ?? 15_000 });
      }
      answers.push(payload as HeadsetApiRespond);
      return ok({ accepted: true });
    }) as ResponderChannels['invoke'],
    on: (_channel, next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
  };
  return { ipc, attaches, answers, emit: (payload: HeadsetApiRequest) => listener?.(payload), get listening() { return listener !== null; } };
}

function start(main: ReturnType<typeof fakeMain>, apply: (request: HeadsetApiRequest) => Promise<HeadsetApiRespond>) {
  const clock = { now: new Date('2026-03-02T09:00:00.000Z') };
  const timers = new ManualTimers(clock);
  const stop = startHeadsetResponder(main.ipc, NO_PORTS, { responderId: ME, setTimer: (run, ms) => timers.after(ms, run), apply });
  return { timers, stop };
}

const echo = async (r: HeadsetApiRequest): Promise<HeadsetApiRespond> => ({ id: r.id, status: 200, body: { seen: r.body } });

describe('startHeadsetResponder', () => {
  it('attaches at once and renews its lease at a third of what main grants', async () => {
    const main = fakeMain({ leaseMs: 15_000 });
    const { timers } = start(main, echo);
    await settle();
    expect(main.attaches).toEqual([ME]);
    expect(timers.waiting()).toEqual([5_000]);
    await timers.advance(4_999, settle);
    expect(main.attaches).toHaveLength(1);
    await timers.advance(1, settle);
    expect(main.attaches).toEqual([ME, ME]);
    // Renewed from the renewal, not stacked: still one timer.
    expect(timers.waiting()).toEqual([5_000]);
    await timers.advance(60_000, settle);
    expect(main.attaches).toHaveLength(14);
  });

  it('retries a failed attach within a second, and never renews faster than every half second', async () => {
    const failing = fakeMain({ attachFails: true });
    const a = start(failing, echo);
    await settle();
    expect(a.timers.waiting()).toEqual([1_000]);
    const short = fakeMain({ leaseMs: 600 });
    const b = start(short, echo);
    await settle();
    expect(b.timers.waiting()).toEqual([500]);
  });

  it('answers only requests addressed to this window, one at a time in arrival order', async () => {
    const main = fakeMain();
    const applied: number[] = [];
    const releases: Array<() => void> = [];
    // The first apply is held until released: the second must not start before the first answered.
    const apply = (r: HeadsetApiRequest) =>
      new Promise<HeadsetApiRespond>((resolve) => {
        applied.push((r.body as { progress: number }).progress);
        releases.push(() => void echo(r).then(resolve));
      });
    start(main, apply);
    await settle();
    main.emit(request(1));
    main.emit(request(2, 'window-bbbb-2222'));
    main.emit(request(3));
    await settle();
    expect(applied).toEqual([0.1]);
    releases[0]!();
    await settle();
    await settle();
    expect(applied).toEqual([0.1, 0.3]);
    releases[1]!();
    await settle();
    await settle();
    expect(main.answers.map((a) => a.id)).toEqual([request(1).id, request(3).id]);
  });

  it('keeps answering after one request fails to apply (main answers that one 504 and the headset retries)', async () => {
    const main = fakeMain();
    start(main, async (r) => {
      if (r.id === request(1).id) throw new Error('IndexedDB closed');
      return echo(r);
    });
    await settle();
    main.emit(request(1));
    main.emit(request(2));
    await expect.poll(() => main.answers.map((a) => a.id)).toEqual([request(2).id]);
  });

  it('stops renewing and listening when the window goes', async () => {
    const main = fakeMain();
    const { timers, stop } = start(main, echo);
    await settle();
    stop();
    expect(main.listening).toBe(false);
    expect(timers.waiting()).toEqual([]);
    await timers.advance(60_000, settle);
    expect(main.attaches).toHaveLength(1);
  });

  it('does not start renewing when the window went while its first attach was on the way', async () => {
    const main = fakeMain();
    const { timers, stop } = start(main, echo);
    stop();
    await settle();
    expect(main.attaches).toHaveLength(1);
    expect(timers.waiting()).toEqual([]);
  });
});
