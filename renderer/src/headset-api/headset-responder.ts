import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { holdWindowLease } from '../bridge/window-lease';
import type { CompletionPorts } from '../data/vr-completion-statement';
import { applyHeadsetRequest } from './apply-headset-request';

export interface ResponderChannels {
  invoke(channel: 'headset-api:attach', payload: RequestOf<'headset-api:attach'>): Promise<Result<ResponseOf<'headset-api:attach'>>>;
  invoke(channel: 'headset-api:respond', payload: RequestOf<'headset-api:respond'>): Promise<Result<ResponseOf<'headset-api:respond'>>>;
  on(channel: 'headset-api:request', listener: (payload: HeadsetApiRequest) => void): () => void;
}

export interface ResponderOptions {
  readonly responderId: string;
  readonly setTimer: (run: () => void, ms: number) => () => void;
  readonly apply?: (request: HeadsetApiRequest) => Promise<HeadsetApiRespond>;
}

/**
 * This window's part of the headset API (docs/ARCHITECTURE.md): it tells main it can apply headset
 * reports (a lease renewed at a third of its length), applies the requests addressed to it, one at a
 * time in arrival order, and answers on `headset-api:respond`. Lives as long as the window.
 */
export function startHeadsetResponder(ipc: ResponderChannels, ports: CompletionPorts, options: ResponderOptions): () => void {
  const apply = options.apply ?? ((request: HeadsetApiRequest) => applyHeadsetRequest(ports, request));
  let queue: Promise<unknown> = Promise.resolve();
  const unsubscribe = ipc.on('headset-api:request', (request) => {
    if (request.responder !== options.responderId) return;
    queue = queue.then(async () => {
      const answer = await apply(request);
      await ipc.invoke('headset-api:respond', answer);
    }).catch(() => undefined);
  });
  const releaseLease = holdWindowLease(() => ipc.invoke('headset-api:attach', { responder: options.responderId }), options.setTimer);
  return () => {
    releaseLease();
    unsubscribe();
  };
}
