import { describe, expect, it } from 'vitest';
import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';

function streamOf(chunks: number[][]) {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk));
      controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

describe('readCappedBytes', () => {
  it('joins the chunks, up to and including the cap', async () => {
    const { stream } = streamOf([[1, 2], [3], [4, 5]]);
    expect([...((await readCappedBytes(stream.getReader(), 5)) ?? [])]).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops and cancels the stream one byte past the cap', async () => {
    const { stream, cancelled } = streamOf([[1, 2], [3], [4, 5, 6], [7]]);
    expect(await readCappedBytes(stream.getReader(), 5)).toBeNull();
    expect(cancelled()).toBe(true);
  });

  it('reads everything without a cap, and rejects when the stream errors', async () => {
    const { stream } = streamOf([[9], [8]]);
    expect([...(await readCappedBytes(stream.getReader()))]).toEqual([9, 8]);
    const failing = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(new Error('cut short')) });
    await expect(readCappedBytes(failing.getReader())).rejects.toThrow('cut short');
  });
});
