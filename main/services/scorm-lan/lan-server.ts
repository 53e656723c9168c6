import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { API_CSP, lanHeaders } from './lan-pages';

export interface LanServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface LanServerOptions {
  readonly handle: (request: Request) => Promise<Response>;
  /** The Host values answered (DNS-rebinding guard), for the port actually bound. */
  readonly allowedHosts: (port: number) => ReadonlySet<string>;
  readonly host: string;
  readonly port: number;
  readonly log: (message: string, error?: unknown) => void;
}

/** Headers must arrive within this. */
const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request (an up body of 6 MiB on a slow classroom Wi-Fi) must arrive within this; a long poll's wait is after it. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * Connections at once. A browser opens up to six to one host while a course loads, and keeps one waiting
 * on /down; a class of about forty learners fits (docs/scorm-lan.md).
 */
export const LAN_MAX_CONNECTIONS = 256;
const CLOSE_GRACE_MS = 200;

export class ListenError extends Error {
  constructor(
    readonly code: 'PORT_IN_USE' | 'PORT_DENIED' | 'NO_NETWORK' | 'LISTEN_FAILED',
    cause: unknown,
  ) {
    super(code, { cause });
  }
}

function listenCode(error: unknown): ListenError['code'] {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return 'PORT_IN_USE';
  if (code === 'EACCES' || code === 'EPERM') return 'PORT_DENIED';
  if (code === 'EADDRNOTAVAIL') return 'NO_NETWORK';
  return 'LISTEN_FAILED';
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...lanHeaders(API_CSP, 'text/plain; charset=utf-8'), Connection: 'close' });
  response.end(text);
}

/**
 * The LAN listener's transport (node:http): bounded headers, time and connections; a malformed request
 * closes its socket; a Host this machine does not answer to is refused before any route runs. Everything
 * else is the fetch handler's.
 */
export async function startLanServer(options: LanServerOptions): Promise<LanServer> {
  let port = 0;
  const listener = getRequestListener(options.handle, {
    overrideGlobalObjects: false,
    errorHandler: (error) => {
      // A request the adapter cannot turn into a URL (a backslash in the path, ...) is the client's fault.
      if (error instanceof RequestError) return new Response('Bad request', { status: 400, headers: lanHeaders(API_CSP, 'text/plain; charset=utf-8') });
      options.log('LAN request failed', error);
      return new Response('Internal error', { status: 500, headers: lanHeaders(API_CSP, 'text/plain; charset=utf-8') });
    },
  });
  const server: Server = createServer({ maxHeaderSize: 8 * 1024, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host;
    if (!host) return refuse(response, 400, 'Host required');
    if (!options.allowedHosts(port).has(host.toLowerCase())) return refuse(response, 421, 'Misdirected request');
    void listener(request, response);
    return undefined;
  });
  server.maxConnections = LAN_MAX_CONNECTIONS;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    throw new ListenError(listenCode(error), error);
  }
  port = (server.address() as AddressInfo).port;
  return {
    port,
    // Answers being written (a waiting poll told "closed") get a moment to leave; then every socket goes.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
