/** A web stream's byte reader, as both the DOM and Node hand them out (structural: shared/ has neither's types). */
export interface ByteReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
  cancel(reason?: unknown): Promise<void>;
}

/**
 * Every byte the reader gives, in one array; or null, with the reader cancelled, as soon as more than
 * `maxBytes` (when given) have arrived, so a runaway body is dropped, not held. A stream that errors rejects.
 */
export function readCappedBytes(reader: ByteReader): Promise<Uint8Array<ArrayBuffer>>;
export function readCappedBytes(reader: ByteReader, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null>;
export async function readCappedBytes(reader: ByteReader, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
