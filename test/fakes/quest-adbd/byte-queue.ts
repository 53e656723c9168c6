// Bytes arriving on one ADB stream, read by a service at its own pace.
// push() only resolves once the reader has made room, and the transport acks a
// WRTE only after push() resolves: that is what makes the adb host wait for a
// slow (or throttled) service instead of us buffering a 200 MB push in memory.

const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;

export class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;
  private readWaiters: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly highWaterMark = DEFAULT_HIGH_WATER_MARK) {}

  get isEnded(): boolean {
    return this.ended;
  }

  push(data: Buffer): Promise<void> {
    if (this.ended) return Promise.resolve();
    if (data.length > 0) {
      this.chunks.push(data);
      this.length += data.length;
      this.wakeReaders();
    }
    if (this.length <= this.highWaterMark) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** EOF: pending and future reads return what is left, then null. */
  end(): void {
    this.ended = true;
    this.wakeReaders();
    this.wakeWriters();
  }

  /** Drop everything and release blocked writers (used when a service stops listening). */
  discard(): void {
    this.chunks = [];
    this.length = 0;
    this.end();
  }

  /** Up to `max` bytes, waiting for at least one; null at EOF. */
  async read(max: number): Promise<Buffer | null> {
    while (this.length === 0) {
      if (this.ended) return null;
      await new Promise<void>((resolve) => this.readWaiters.push(resolve));
    }
    return this.take(Math.min(max, this.length));
  }

  /** Exactly `count` bytes; null if EOF comes first. */
  async readExactly(count: number): Promise<Buffer | null> {
    while (this.length < count) {
      if (this.ended) return null;
      await new Promise<void>((resolve) => this.readWaiters.push(resolve));
    }
    return this.take(count);
  }

  /** Everything until EOF. */
  async readAll(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const part = await this.read(Number.MAX_SAFE_INTEGER);
      if (part === null) return Buffer.concat(parts);
      parts.push(part);
    }
  }

  private take(count: number): Buffer {
    const parts: Buffer[] = [];
    let needed = count;
    while (needed > 0) {
      const head = this.chunks[0];
      if (head === undefined) break;
      if (head.length <= needed) {
        parts.push(head);
        this.chunks.shift();
        needed -= head.length;
      } else {
        parts.push(head.subarray(0, needed));
        this.chunks[0] = head.subarray(needed);
        needed = 0;
      }
    }
    this.length -= count;
    if (this.length <= this.highWaterMark) this.wakeWriters();
    return parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts);
  }

  private wakeReaders(): void {
    const waiters = this.readWaiters;
    this.readWaiters = [];
    for (const wake of waiters) wake();
  }

  private wakeWriters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }
}
