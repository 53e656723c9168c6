import { fail } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { WS_AUTH_PREFIX, WS_PATH, WS_SUBPROTOCOL, serverFrameSchema } from '../../../shared/ipc/wire';
import type { Bridge } from './bridge';

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface Pending {
  resolve(result: Result<unknown>): void;
}

/**
 * IPC over the headless host's WebSocket. Calls made before the socket opens are queued; calls in flight
 * when it drops resolve to UNAVAILABLE (never hang), and the bridge reconnects with capped backoff.
 */
export class SocketBridge implements Bridge {
  #socket: WebSocket | null = null;
  #nextId = 1;
  #retryMs = 250;
  #state: ConnectionState = 'connecting';
  readonly #pending = new Map<number, Pending>();
  readonly #queue = new Map<number, string>();
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {
    this.#connect();
  }

  invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    const id = this.#nextId++;
    const frame = JSON.stringify({ type: 'invoke', id, channel, payload });
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(frame);
      else this.#queue.set(id, frame);
    });
  }

  on(channel: string, listener: (payload: unknown) => void): () => void {
    const set = this.#listeners.get(channel) ?? new Set();
    set.add(listener);
    this.#listeners.set(channel, set);
    return () => set.delete(listener);
  }

  /** Calls back at once with the current state, then on every change. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    listener(this.#state);
    return () => this.#stateListeners.delete(listener);
  }

  #emitState(state: ConnectionState): void {
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }

  #connect(): void {
    const url = `${this.origin.replace(/^http/, 'ws')}${WS_PATH}`;
    const socket = new WebSocket(url, [WS_SUBPROTOCOL, `${WS_AUTH_PREFIX}${this.token}`]);
    this.#socket = socket;
    this.#emitState('connecting');
    socket.addEventListener('open', () => {
      this.#retryMs = 250;
      this.#emitState('open');
      for (const frame of this.#queue.values()) socket.send(frame);
      this.#queue.clear();
    });
    socket.addEventListener('message', (event) => this.#receive(String(event.data)));
    socket.addEventListener('close', () => {
      this.#emitState('closed');
      for (const [id, pending] of this.#pending) {
        // Calls still queued were never sent; they go out after reconnecting.
        if (!this.#queue.has(id)) {
          pending.resolve(fail('UNAVAILABLE', 'The connection to Outpost was lost'));
          this.#pending.delete(id);
        }
      }
      setTimeout(() => this.#connect(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, 5000);
    });
  }

  #receive(text: string): void {
    const parsed = serverFrameSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === 'event') {
      for (const listener of this.#listeners.get(frame.channel) ?? []) listener(frame.payload);
      return;
    }
    const pending = this.#pending.get(frame.id);
    this.#pending.delete(frame.id);
    pending?.resolve(frame.result as Result<unknown>);
  }
}
