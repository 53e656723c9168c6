import type { InvokeChannel } from '../../shared/ipc/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';

/** Who is calling; transports fill it in after they have checked the sender. */
export interface CallContext {
  readonly transport: 'electron' | 'websocket';
  readonly senderId: string;
}

export type Handler<K extends InvokeChannel> = (request: ParsedRequestOf<K>, context: CallContext) => Promise<ResponseOf<K>>;

/** Exhaustive: a channel of the contract without a handler is a compile error. */
export type HandlerMap = { readonly [K in InvokeChannel]: Handler<K> };
