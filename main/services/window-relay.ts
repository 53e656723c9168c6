import { randomUUID } from 'node:crypto';

/** How a request handed to the kiosk window ended. */
export type WindowRelayOutcome<A> = { readonly kind: 'answer'; readonly answer: A } | { readonly kind: 'no_window' } | { readonly kind: 'timeout' } | { readonly kind: 'busy' };

export interface WindowRelayOptions<R> {
  /** Puts the request (with its correlation id and the window that answers) on the event bus. */
  readonly emit: (request: R & { readonly id: string; readonly responder: string }) => void;
  readonly nowMs: () => number;
  /** A window's attach lasts this long; it renews at a third of it. */
  readonly leaseMs?: number;
  /** How long a request waits for the window's answer. */
  readonly answerTimeoutMs?: number;
  /** Requests waiting for an answer at once. */
  readonly maxPending?: number;
}

export const WINDOW_RELAY_LEASE_MS = 15_000;
export const WINDOW_RELAY_ANSWER_TIMEOUT_MS = 8_000;
export const WINDOW_RELAY_MAX_PENDING = 64;
/** Windows remembered at once: a window re-attaches with the same id; a flood of made-up ids keeps only the newest. */
const MAX_RESPONDERS = 16;

/**
 * Hands a request main checked to the kiosk window (which owns the learners' data) over the event bus and
 * waits for its answer, matched by a random id. Only the most recently attached live window answers, so
 * two open windows never apply one request twice. The headset API and the LAN listener both use it.
 */
export class WindowRelay<R extends object, A extends { readonly id: string }> {
  readonly #responders = new Map<string, number>();
  readonly #pending = new Map<string, { resolve: (outcome: WindowRelayOutcome<A>) => void; timer: ReturnType<typeof setTimeout> }>();
  readonly #leaseMs: number;

  constructor(private readonly options: WindowRelayOptions<R>) {
    this.#leaseMs = options.leaseMs ?? WINDOW_RELAY_LEASE_MS;
  }

  get leaseMs(): number {
    return this.#leaseMs;
  }

  get pending(): number {
    return this.#pending.size;
  }

  attach(responder: string): void {
    this.#responders.delete(responder);
    if (this.#responders.size >= MAX_RESPONDERS) this.#responders.delete(this.#responders.keys().next().value as string);
    this.#responders.set(responder, this.options.nowMs() + this.#leaseMs);
  }

  #liveResponder(): string | null {
    const now = this.options.nowMs();
    let chosen: string | null = null;
    for (const [responder, until] of this.#responders) {
      if (until <= now) this.#responders.delete(responder);
      else chosen = responder;
    }
    return chosen;
  }

  send(request: R): Promise<WindowRelayOutcome<A>> {
    const responder = this.#liveResponder();
    if (responder === null) return Promise.resolve({ kind: 'no_window' });
    if (this.#pending.size >= (this.options.maxPending ?? WINDOW_RELAY_MAX_PENDING)) return Promise.resolve({ kind: 'busy' });
    const id = randomUUID();
    return new Promise<WindowRelayOutcome<A>>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({ kind: 'timeout' });
      }, this.options.answerTimeoutMs ?? WINDOW_RELAY_ANSWER_TIMEOUT_MS);
      this.#pending.set(id, { resolve, timer });
      this.options.emit({ ...request, id, responder });
    });
  }

  /**
   * Tells the window something without waiting for its answer; it takes no pending slot, so a burst of
   * notices never finds the relay busy. False without a window.
   */
  notify(request: R): boolean {
    const responder = this.#liveResponder();
    if (responder === null) return false;
    this.options.emit({ ...request, id: randomUUID(), responder });
    return true;
  }

  /** False for an id that is unknown or already answered (late, duplicate or forged answers change nothing). */
  respond(answer: A): boolean {
    const pending = this.#pending.get(answer.id);
    if (!pending) return false;
    this.#pending.delete(answer.id);
    clearTimeout(pending.timer);
    pending.resolve({ kind: 'answer', answer });
    return true;
  }

  /** Every waiting request ends as if no window were there (the service is stopping). */
  close(): void {
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.resolve({ kind: 'no_window' });
      this.#pending.delete(id);
    }
  }
}
