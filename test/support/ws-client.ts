import { WebSocket } from 'ws';
import { WS_AUTH_PREFIX, WS_PATH, WS_SUBPROTOCOL, serverFrameSchema } from '../../shared/ipc/wire';
import type { ServerFrame } from '../../shared/ipc/wire';

export interface TestSocket {
  readonly socket: WebSocket;
  invoke(channel: string, payload: unknown): Promise<unknown>;
  nextEvent(): Promise<ServerFrame & { type: 'event' }>;
  close(): void;
}

/** A Node-side client of the headless host's IPC socket, as a browser page would open it. */
export function openSocket(port: number, options: { token?: string; origin?: string; protocols?: string[] } = {}): Promise<TestSocket> {
  const protocols = options.protocols ?? [WS_SUBPROTOCOL, `${WS_AUTH_PREFIX}${options.token ?? ''}`];
  const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, protocols, {
    origin: options.origin ?? `http://127.0.0.1:${port}`,
  });
  let nextId = 1;
  const results = new Map<number, (value: unknown) => void>();
  const events: Array<ServerFrame & { type: 'event' }> = [];
  const eventWaiters: Array<(frame: ServerFrame & { type: 'event' }) => void> = [];
  socket.on('message', (data) => {
    const frame = serverFrameSchema.parse(JSON.parse(data.toString()));
    if (frame.type === 'result') results.get(frame.id)?.(frame.result);
    else {
      const waiter = eventWaiters.shift();
      if (waiter) waiter(frame);
      else events.push(frame);
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('open', () =>
      resolve({
        socket,
        invoke(channel, payload) {
          const id = nextId++;
          socket.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
          return new Promise((done) => results.set(id, done));
        },
        nextEvent() {
          const queued = events.shift();
          return queued ? Promise.resolve(queued) : new Promise((done) => eventWaiters.push(done));
        },
        close: () => socket.close(),
      }),
    );
  });
}
