import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { WS_AUTH_PREFIX, WS_SUBPROTOCOL, clientFrameSchema } from '../../shared/ipc/wire';
import type { ServerFrame } from '../../shared/ipc/wire';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import { allowedOrigins, isTrustedRequest } from './loopback-guard';
import { tokenMatches } from './token-match';

export interface IpcSocketServerOptions {
  readonly token: string;
  readonly port: () => number;
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
}

/**
 * Carries the IPC contract over a loopback WebSocket for the headless host. A socket is accepted only from
 * loopback, with our Host and Origin, and with the per-run token offered as a subprotocol (browsers cannot
 * set headers on WebSocket requests, and subprotocols are not logged in URLs).
 */
export function createIpcSocketServer(options: IpcSocketServerOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4 * 1024 * 1024,
    // Answer with the contract's subprotocol only; the auth entry is never echoed back.
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });
  let nextSender = 1;

  function authorised(request: IncomingMessage): boolean {
    const port = options.port();
    if (!isTrustedRequest(request, port)) return false;
    if (!allowedOrigins(port).has(request.headers.origin ?? '')) return false;
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const auth = offered.find((p) => p.startsWith(WS_AUTH_PREFIX));
    return offered.includes(WS_SUBPROTOCOL) && auth !== undefined && tokenMatches(auth.slice(WS_AUTH_PREFIX.length), options.token);
  }

  function serve(socket: WebSocket): void {
    const senderId = `ws-${nextSender++}`;
    const send = (frame: ServerFrame) => socket.send(JSON.stringify(frame));
    const unsubscribe = options.bus.subscribe((channel, payload) => send({ type: 'event', channel, payload }));
    socket.on('close', unsubscribe);
    socket.on('message', (data, isBinary) => {
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(isBinary ? '' : data.toString()));
      } catch {
        // Without a well-formed frame there is no request id to answer to.
        socket.close(1003, 'Malformed frame');
        return;
      }
      void options.dispatch(frame.channel, frame.payload, { transport: 'websocket', senderId }).then((result) => {
        if (socket.readyState === socket.OPEN) send({ type: 'result', id: frame.id, result });
      });
    });
  }

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      if (!authorised(request)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
    },
    close(): Promise<void> {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
