import { describe, expect, it } from 'vitest';
import { IdleTimer } from '../../../renderer/src/auth/idle-timer';
import { ManualTimers } from '../../support/manual-timers';

function setup(timeoutMs = 60_000, warnMs = 10_000) {
  const clock = { now: new Date('2026-03-02T09:00:00.000Z') };
  const timers = new ManualTimers(clock);
  const events: string[] = [];
  const timer = new IdleTimer({
    timeoutMs,
    warnMs,
    after: (ms, cb) => timers.after(ms, cb),
    now: () => clock.now.getTime(),
    onCountdown: (ms) => events.push(`countdown ${Math.ceil(ms / 1000)}`),
    onResume: () => events.push('resume'),
    onExpire: () => events.push('expire'),
  });
  const advance = (ms: number) => timers.advance(ms, async () => undefined);
  return { clock, timers, events, timer, advance };
}

describe('IdleTimer', () => {
  it('counts down the last seconds, second by second, then expires once', async () => {
    const { events, timer, advance, timers } = setup(60_000, 3_000);
    timer.start();
    await advance(56_999);
    expect(events).toEqual([]);
    await advance(1);
    expect(events).toEqual(['countdown 3']);
    await advance(3_000);
    expect(events).toEqual(['countdown 3', 'countdown 2', 'countdown 1', 'expire']);
    expect(timers.waiting()).toEqual([]);
  });

  it('starts the wait again on activity, and takes the countdown away', async () => {
    const { events, timer, advance } = setup(60_000, 10_000);
    timer.start();
    await advance(45_000);
    timer.activity();
    await advance(49_999);
    expect(events).toEqual([]);
    await advance(1);
    expect(events).toEqual(['countdown 10']);
    timer.activity();
    expect(events).toEqual(['countdown 10', 'resume']);
    await advance(59_999);
    expect(events.filter((e) => e === 'expire')).toEqual([]);
    await advance(1);
    expect(events.at(-1)).toBe('expire');
  });

  it('does nothing once stopped (nobody signed in)', async () => {
    const { events, timer, advance, timers } = setup();
    timer.start();
    timer.stop();
    timer.activity();
    await advance(120_000);
    expect(events).toEqual([]);
    expect(timers.waiting()).toEqual([]);
  });
});
