import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import type { EventPayloadOf, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { Bridge } from './bridge';

/** Typed façade over a bridge: the channel name decides the request and result types. */
export class IpcClient {
  constructor(private readonly bridge: Bridge) {}

  invoke<K extends InvokeChannel>(channel: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
    return this.bridge.invoke(channel, payload) as Promise<Result<ResponseOf<K>>>;
  }

  on<K extends EventChannel>(channel: K, listener: (payload: EventPayloadOf<K>) => void): () => void {
    return this.bridge.on(channel, (payload) => listener(payload as EventPayloadOf<K>));
  }
}
