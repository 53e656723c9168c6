/**
 * gzip through the platform's CompressionStream (Chromium, Electron and Node alike), with byte counts for a
 * progress bar and a bound on what inflating may produce, so a small hostile file cannot fill the memory.
 */
import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';

export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`The file inflates to more than ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

/** The two bytes every gzip member starts with. */
export function looksGzipped(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function counting(onBytes: (total: number) => void, limit = Number.POSITIVE_INFINITY): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > limit) {
        controller.error(new InflateLimitError(limit));
        return;
      }
      onBytes(total);
      controller.enqueue(chunk);
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  // No cap here: the stream itself is bounded (counting() errors past its limit).
  return readCappedBytes(stream.getReader());
}

/** Bytes gzipped; `onBytes` counts them as they go in. */
export async function gzipBytes(bytes: Uint8Array<ArrayBuffer>, onBytes: (done: number, total: number) => void = () => undefined): Promise<Uint8Array<ArrayBuffer>> {
  const source = new Blob([bytes]).stream() as ReadableStream<Uint8Array>;
  return collect(source.pipeThrough(counting((done) => onBytes(done, bytes.byteLength))).pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>));
}

/**
 * The inflated bytes of a gzip blob, at most `limit` of them (InflateLimitError past that). A cut-short or
 * damaged stream rejects with the platform's own error.
 */
export async function gunzipBounded(blob: Blob, limit: number, onBytes: (inflated: number) => void = () => undefined): Promise<Uint8Array<ArrayBuffer>> {
  const source = blob.stream() as ReadableStream<Uint8Array>;
  return collect(source.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>).pipeThrough(counting(onBytes, limit)));
}
