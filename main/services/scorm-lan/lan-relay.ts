import type { ScormLanRequest, ScormLanRespond } from '../../../shared/scorm/lan-wire';
import { WindowRelay } from '../window-relay';
import type { WindowRelayOptions } from '../window-relay';

export type LanRelayOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly body: Record<string, unknown> }
  | { readonly kind: 'no_window' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'busy' };

/** A request as the routes build it; the relay adds the correlation id and the window that answers. */
export type LanRelayPayload = ScormLanRequest extends infer R ? (R extends ScormLanRequest ? Omit<R, 'id' | 'responder'> : never) : never;

export type LanRelayOptions = Omit<WindowRelayOptions<LanRelayPayload>, 'emit'> & { readonly emit: (request: ScormLanRequest) => void };

/**
 * Carries a LAN request to the kiosk window (which runs the player's logic and owns the data) and waits
 * for its answer on `scorm-lan:respond`: the shared window relay (../window-relay.ts), with the LAN's
 * request and answer shapes. Only the most recently attached live window answers, so two open windows
 * never run the same sitting twice.
 */
export class LanRelay {
  readonly #relay: WindowRelay<LanRelayPayload, ScormLanRespond>;

  constructor(options: LanRelayOptions) {
    this.#relay = new WindowRelay<LanRelayPayload, ScormLanRespond>({ ...options, emit: (request) => options.emit(request as ScormLanRequest) });
  }

  get leaseMs(): number {
    return this.#relay.leaseMs;
  }

  get pending(): number {
    return this.#relay.pending;
  }

  attach(responder: string): void {
    this.#relay.attach(responder);
  }

  async send(payload: LanRelayPayload): Promise<LanRelayOutcome> {
    const outcome = await this.#relay.send(payload);
    return outcome.kind === 'answer' ? { kind: 'answer', status: outcome.answer.status, body: outcome.answer.body } : outcome;
  }

  /** Tells the window (a sitting closed on the network side) without waiting; false without a window. */
  notify(payload: LanRelayPayload): boolean {
    return this.#relay.notify(payload);
  }

  respond(answer: ScormLanRespond): boolean {
    return this.#relay.respond(answer);
  }

  close(): void {
    this.#relay.close();
  }
}
