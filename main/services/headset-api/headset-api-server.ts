import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HEADSET_BODY_MAX_BYTES } from '../../../shared/headset-api/headset-api-wire';
import { handleHeadsetRequest } from './handle-headset-request';
import type { HeadsetRequestDeps } from './handle-headset-request';
import type { HeadsetAnswer } from './headset-request';
import { refusal } from './headset-request';
import { readBoundedBody } from './read-bounded-body';

export interface HeadsetApiServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A headset's whole request, headers to last byte, must arrive within this. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A cart is at most a few dozen headsets, each with one app calling now and then. */
const MAX_CONNECTIONS = 64;

function send(response: ServerResponse, answer: HeadsetAnswer): void {
  if (response.headersSent) return;
  const body = JSON.stringify(answer.body);
  response.statusCode = answer.status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  if (answer.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
  response.end(body);
}

/**
 * The headset-facing API: plain HTTP on 127.0.0.1 only (never a LAN interface). Headsets reach it through
 * `adb reverse`, which the adb server turns into a loopback connection; nothing on the network can.
 */
export async function startHeadsetApiServer(deps: Omit<HeadsetRequestDeps, 'port' | 'bodyMaxBytes'>, options: { port?: number; log?: (message: string, error?: unknown) => void } = {}): Promise<HeadsetApiServer> {
  let port = 0;
  const server: Server = createServer({ maxHeaderSize: 8 * 1024, requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS }, (request: IncomingMessage, response: ServerResponse) => {
    handleHeadsetRequest(
      {
        method: request.method,
        url: request.url,
        host: request.headers.host,
        origin: request.headers.origin,
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        readBody: () => readBoundedBody(request, HEADSET_BODY_MAX_BYTES),
      },
      { ...deps, port, bodyMaxBytes: HEADSET_BODY_MAX_BYTES },
    ).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        options.log?.('headset API request failed', error);
        send(response, refusal(500, 'DB_ERROR', 'The kiosk could not handle this request'));
      },
    );
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('headset API server has no TCP address');
  port = address.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
