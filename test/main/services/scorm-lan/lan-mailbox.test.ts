import { describe, expect, it } from 'vitest';
import { LanMailbox } from '../../../../main/services/scorm-lan/lan-mailbox';

describe('LanMailbox', () => {
  it('a poll stops waiting when its browser goes away, and a newer poll answers the older one', async () => {
    const box = new LanMailbox();
    const controller = new AbortController();
    const gone = box.poll(0, 10_000, controller.signal);
    controller.abort();
    expect(await gone).toEqual({ messages: [] });
    const older = box.poll(0, 10_000);
    const newer = box.poll(0, 10_000);
    expect(await older).toEqual({ messages: [] });
    box.deliver([{ a: 1 }]);
    expect(await newer).toEqual({ messages: [{ n: 1, message: { a: 1 } }] });
    expect(await box.poll(0, 10, AbortSignal.abort())).toEqual({ messages: [{ n: 1, message: { a: 1 } }] });
  });

  it('drops the oldest beyond its bytes, says reset once, and a page claiming more than was sent starts over', async () => {
    const box = new LanMailbox({ maxMessages: 100, maxBytes: 100 });
    const big = { text: 'x'.repeat(30) }; // 41 bytes as JSON
    box.deliver([big, big, big]);
    expect(box.size).toBe(2);
    expect(box.bytes).toBe(82);
    const first = await box.poll(0, 10);
    expect(first.reset).toBe(true);
    expect(first.messages.map((m) => m.n)).toEqual([2, 3]);
    expect((await box.poll(0, 10)).reset).toBeUndefined();
    // A message larger than the whole box cannot be kept at all: dropped, and the page is told.
    box.deliver([{ text: 'y'.repeat(200) }]);
    expect(box.size).toBe(0);
    expect(await box.poll(3, 10)).toEqual({ messages: [], reset: true });
    box.deliver([{ b: 1 }]);
    expect(await box.poll(99, 10)).toEqual({ messages: [{ n: 5, message: { b: 1 } }], reset: true });
    box.close();
    expect(box.deliver([{ c: 1 }])).toBe(false);
    expect(await box.poll(5, 10)).toEqual({ messages: [], closed: true });
  });
});
