import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import type { HeadsetAction } from '../../../shared/headset-api/headset-api-wire';
import { WindowRelay } from '../window-relay';
import type { WindowRelayOptions } from '../window-relay';

export type RelayOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly body: Record<string, unknown>; readonly sessionEnded: boolean }
  | { readonly kind: 'no_window' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'busy' };

type HeadsetRelayPayload = Omit<HeadsetApiRequest, 'id' | 'responder'>;

export type RelayOptions = Omit<WindowRelayOptions<HeadsetRelayPayload>, 'emit'> & { readonly emit: (request: HeadsetApiRequest) => void };

/**
 * Hands a checked headset request to the renderer (which owns the learners' data) and waits for its answer
 * on `headset-api:respond`: the shared window relay (../window-relay.ts) with the headset API's shapes.
 * One window answers each request (the most recently attached live one), so two open windows never apply
 * a report twice.
 */
export class RendererRelay {
  readonly #relay: WindowRelay<HeadsetRelayPayload, HeadsetApiRespond>;

  constructor(options: RelayOptions) {
    this.#relay = new WindowRelay<HeadsetRelayPayload, HeadsetApiRespond>({ ...options, emit: (request) => options.emit(request) });
  }

  get leaseMs(): number {
    return this.#relay.leaseMs;
  }

  attach(responder: string): void {
    this.#relay.attach(responder);
  }

  async send(serial: string, sessionId: string, action: HeadsetAction, body: unknown): Promise<RelayOutcome> {
    const outcome = await this.#relay.send({ serial, session_id: sessionId, action, body });
    if (outcome.kind !== 'answer') return outcome;
    const { status, body: answer, session_ended } = outcome.answer;
    return { kind: 'answer', status, body: answer, sessionEnded: session_ended === true };
  }

  /** False for an id that is unknown or already answered (late, duplicate or forged answers change nothing). */
  respond(answer: HeadsetApiRespond): boolean {
    return this.#relay.respond(answer);
  }

  close(): void {
    this.#relay.close();
  }
}
