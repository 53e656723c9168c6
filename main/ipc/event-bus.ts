import type { EventChannel } from '../../shared/ipc/channels';
import type { EventPayloadOf } from '../../shared/ipc/contract';

export type EventListener = (channel: EventChannel, payload: unknown) => void;

/** Services publish here; each transport subscribes once and fans events out to its own windows or sockets. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<K extends EventChannel>(channel: K, payload: EventPayloadOf<K>): void {
    for (const listener of this.#listeners) listener(channel, payload);
  }
}
