import { randomUUID } from 'node:crypto';
import type { ScormLanRequest, ScormLanRespond } from '../../../shared/scorm/lan-wire';

export type LanRelayOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly body: Record<string, unknown> }
  | { readonly kind: 'no_window' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'busy' };

/** A request as the routes build it; the relay adds the correlation id and the window that answers. */
export type LanRelayPayload = ScormLanRequest extends infer R ? (R extends ScormLanRequest ? Omit<R, 'id' | 'responder'> : never) : never;

export interface LanRelayOptions {
  readonly emit: (request: ScormLanRequest) => void;
  readonly nowMs: () => number;
  /** A window's attach lasts this long; it renews well before. */
  readonly leaseMs?: number;
  /** How long a network request waits for the window's answer. */
  readonly answerTimeoutMs?: number;
  /** Requests waiting for an answer at once, across all sittings. */
  readonly maxPending?: number;
}

export const LAN_RELAY_LEASE_MS = 15_000;
export const LAN_RELAY_ANSWER_TIMEOUT_MS = 8_000;
export const LAN_RELAY_MAX_PENDING = 64;
/** Windows remembered at once; a flood of made-up responder ids keeps only the newest. */
const MAX_RESPONDERS = 16;

/**
 * Carries a LAN request to the kiosk window (which runs the player's logic and owns the data) over the
 * event bus and waits for its answer on `scorm-lan:respond`, matched by a random id. Only the most recently
 * attached live window answers, so two open windows never run the same sitting twice. The same design as
 * the headset API's relay (main/services/headset-api/renderer-relay.ts), with the LAN's own request shape.
 */
export class LanRelay {
  readonly #responders = new Map<string, number>();
  readonly #pending = new Map<string, { resolve: (outcome: LanRelayOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  readonly #leaseMs: number;

  constructor(private readonly options: LanRelayOptions) {
    this.#leaseMs = options.leaseMs ?? LAN_RELAY_LEASE_MS;
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

  send(payload: LanRelayPayload): Promise<LanRelayOutcome> {
    const responder = this.#liveResponder();
    if (responder === null) return Promise.resolve({ kind: 'no_window' });
    if (this.#pending.size >= (this.options.maxPending ?? LAN_RELAY_MAX_PENDING)) return Promise.resolve({ kind: 'busy' });
    const id = randomUUID();
    return new Promise<LanRelayOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({ kind: 'timeout' });
      }, this.options.answerTimeoutMs ?? LAN_RELAY_ANSWER_TIMEOUT_MS);
      this.#pending.set(id, { resolve, timer });
      this.options.emit({ ...payload, id, responder } as ScormLanRequest);
    });
  }

  /**
   * Tells the window something without waiting for its answer (a sitting closed on the network side); it
   * takes no pending slot, so closing many sittings at once never finds the relay busy. False without a window.
   */
  notify(payload: LanRelayPayload): boolean {
    const responder = this.#liveResponder();
    if (responder === null) return false;
    this.options.emit({ ...payload, id: randomUUID(), responder } as ScormLanRequest);
    return true;
  }

  /** False for an id that is unknown or already answered (late, duplicate or forged answers change nothing). */
  respond(answer: ScormLanRespond): boolean {
    const pending = this.#pending.get(answer.id);
    if (!pending) return false;
    this.#pending.delete(answer.id);
    clearTimeout(pending.timer);
    pending.resolve({ kind: 'answer', status: answer.status, body: answer.body });
    return true;
  }

  /** Every waiting request ends as if no window were there (the listener is stopping). */
  close(): void {
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.resolve({ kind: 'no_window' });
      this.#pending.delete(id);
    }
  }
}
