import { randomUUID } from 'node:crypto';
import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import type { HeadsetAction } from '../../../shared/headset-api/headset-api-wire';

export type RelayOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly body: Record<string, unknown>; readonly sessionEnded: boolean }
  | { readonly kind: 'no_window' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'busy' };

export interface RelayOptions {
  readonly emit: (request: HeadsetApiRequest) => void;
  readonly nowMs: () => number;
  /** A window's attach lasts this long; it renews at a third of it. */
  readonly leaseMs?: number;
  /** How long a headset request waits for the window's answer. */
  readonly answerTimeoutMs?: number;
  /** Requests waiting for an answer at once, across all headsets. */
  readonly maxPending?: number;
}

export const RELAY_LEASE_MS = 15_000;
export const RELAY_ANSWER_TIMEOUT_MS = 8_000;

/**
 * Hands a checked headset request to the renderer (which owns the learners' data) over the event bus and
 * waits for its answer on `headset-api:respond`, matched by a random id. One window answers each request
 * (the most recently attached live one), so two open windows never apply a report twice.
 */
export class RendererRelay {
  readonly #responders = new Map<string, number>();
  readonly #pending = new Map<string, { resolve: (outcome: RelayOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  readonly #leaseMs: number;

  constructor(private readonly options: RelayOptions) {
    this.#leaseMs = options.leaseMs ?? RELAY_LEASE_MS;
  }

  get leaseMs(): number {
    return this.#leaseMs;
  }

  attach(responder: string): void {
    this.#responders.delete(responder);
    // Bounded: a window re-attaches with the same id; a flood of ids keeps only the newest few.
    if (this.#responders.size >= 16) this.#responders.delete(this.#responders.keys().next().value as string);
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

  send(serial: string, sessionId: string, action: HeadsetAction, body: unknown): Promise<RelayOutcome> {
    const responder = this.#liveResponder();
    if (responder === null) return Promise.resolve({ kind: 'no_window' });
    if (this.#pending.size >= (this.options.maxPending ?? 64)) return Promise.resolve({ kind: 'busy' });
    const id = randomUUID();
    return new Promise<RelayOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({ kind: 'timeout' });
      }, this.options.answerTimeoutMs ?? RELAY_ANSWER_TIMEOUT_MS);
      this.#pending.set(id, { resolve, timer });
      this.options.emit({ id, responder, serial, session_id: sessionId, action, body });
    });
  }

  /** False for an id that is unknown or already answered (late, duplicate or forged answers change nothing). */
  respond(answer: HeadsetApiRespond): boolean {
    const pending = this.#pending.get(answer.id);
    if (!pending) return false;
    this.#pending.delete(answer.id);
    clearTimeout(pending.timer);
    pending.resolve({ kind: 'answer', status: answer.status, body: answer.body, sessionEnded: answer.session_ended === true });
    return true;
  }

  close(): void {
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.resolve({ kind: 'no_window' });
      this.#pending.delete(id);
    }
  }
}
