import type { LanDownAnswer } from '../../../shared/scorm/lan-wire';
import { LAN_LIMITS } from '../../../shared/scorm/lan-wire';

type Message = Record<string, unknown>;

export interface MailboxLimits {
  readonly maxMessages: number;
  readonly maxBytes: number;
}

interface Waiter {
  readonly after: number;
  readonly resolve: (answer: LanDownAnswer) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * What the kiosk window has for one sitting's host page, numbered from 1 in the order it was delivered.
 * The page polls with the last number it has seen (`after`), which both acknowledges (drops) everything
 * up to it and asks for what follows; a poll with nothing to give waits for the next delivery. Bounded in
 * count and bytes: when full the oldest go and the next answer carries `reset: true` (the page starts over).
 * At most one poll waits per sitting; a newer one answers the older with an empty list.
 */
export class LanMailbox {
  readonly #queue: { n: number; message: Message; bytes: number }[] = [];
  #bytes = 0;
  #last = 0;
  #reset = false;
  #closed = false;
  #waiter: Waiter | null = null;

  constructor(private readonly limits: MailboxLimits = { maxMessages: LAN_LIMITS.mailboxMaxMessages, maxBytes: LAN_LIMITS.mailboxMaxBytes }) {}

  get closed(): boolean {
    return this.#closed;
  }

  get size(): number {
    return this.#queue.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Queues messages for the page; false once the sitting is closed. */
  deliver(messages: readonly Message[]): boolean {
    if (this.#closed) return false;
    for (const message of messages) {
      this.#last += 1;
      const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');
      this.#queue.push({ n: this.#last, message, bytes });
      this.#bytes += bytes;
    }
    while (this.#queue.length > this.limits.maxMessages || (this.#bytes > this.limits.maxBytes && this.#queue.length > 0)) {
      const dropped = this.#queue.shift();
      if (dropped) this.#bytes -= dropped.bytes;
      this.#reset = true;
    }
    this.#wake();
    return true;
  }

  /**
   * The messages after `after` (acknowledging those up to it); when there are none, waits at most `waitMs`
   * for a delivery, the sitting's close or `signal` (the browser went away).
   */
  poll(after: number, waitMs: number, signal?: AbortSignal): Promise<LanDownAnswer> {
    if (this.#waiter) this.#answerWaiter({ messages: [] });
    let from = after;
    if (after > this.#last) {
      // The page claims more than was ever sent (a stale page): it starts over from what is here.
      this.#reset = true;
      from = 0;
    } else this.#ack(after);
    const ready = this.#ready(from);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const finish = (answer: LanDownAnswer) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(answer);
      };
      const onAbort = () => {
        if (this.#waiter?.resolve === finish) this.#answerWaiter({ messages: [] });
      };
      const timer = setTimeout(() => {
        if (this.#waiter?.resolve === finish) this.#answerWaiter({ messages: [] });
      }, waitMs);
      this.#waiter = { after: from, resolve: finish, timer };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The sitting is over: a waiting poll learns it now, later deliveries are refused. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.length = 0;
    this.#bytes = 0;
    this.#answerWaiter({ messages: [], closed: true });
  }

  #ack(after: number): void {
    while (this.#queue.length > 0 && (this.#queue[0]?.n ?? Infinity) <= after) {
      const acked = this.#queue.shift();
      if (acked) this.#bytes -= acked.bytes;
    }
  }

  #ready(after: number): LanDownAnswer | null {
    if (this.#closed) return { messages: [], closed: true };
    const messages = this.#queue.filter((entry) => entry.n > after).map(({ n, message }) => ({ n, message }));
    if (messages.length === 0 && !this.#reset) return null;
    const answer: LanDownAnswer = this.#reset ? { messages, reset: true } : { messages };
    this.#reset = false;
    return answer;
  }

  #wake(): void {
    const waiter = this.#waiter;
    if (!waiter) return;
    const ready = this.#ready(waiter.after);
    if (ready) this.#answerWaiter(ready);
  }

  #answerWaiter(answer: LanDownAnswer): void {
    const waiter = this.#waiter;
    if (!waiter) return;
    this.#waiter = null;
    clearTimeout(waiter.timer);
    waiter.resolve(answer);
  }
}
