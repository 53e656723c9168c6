import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { refusalHeaders, securityHeaders } from '../services/content-security-policy';
import type { MainServices } from '../app/main-services';
import { createIpcSocketServer } from './ipc-socket-server';
import { startCourseServer } from './scorm-course-server';
import { allowedHosts, allowedOrigins } from './loopback-guard';
import { tokenMatches } from './token-match';
import { WS_PATH } from '../../shared/ipc/wire';
import type { ScormLanBind } from '../services/scorm-lan/scorm-lan-service';

export interface ServeHostOptions {
  readonly services: MainServices;
  /** The built renderer (vite build output). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
  /**
   * Where the LAN listener (docs/scorm-lan.md) binds when the instructor turns it on. Default: every
   * interface at the instructor's port; or OUTPOST_LAN_HOST (e.g. 127.0.0.1) at the instructor's port
   * unless OUTPOST_LAN_PORT names one (0: any free port). End-to-end tests keep it on loopback this way.
   */
  readonly lanBind?: ScormLanBind;
}

/** The LAN listener's bind from OUTPOST_LAN_HOST / OUTPOST_LAN_PORT; none when OUTPOST_LAN_HOST is unset. */
export function lanBindFromEnv(env: NodeJS.ProcessEnv = process.env): ScormLanBind | undefined {
  const host = env['OUTPOST_LAN_HOST'];
  if (!host) return undefined;
  const raw = env['OUTPOST_LAN_PORT'];
  const port = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? { host, port } : { host };
}

export interface ServeHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The headless host: the same main services as the Electron shell, the renderer served on loopback, and
 * IPC carried over a token-protected WebSocket. Opening `url` in Chromium gives the working app.
 */
export async function startServeHost(options: ServeHostOptions): Promise<ServeHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;
  let headers = securityHeaders();

  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!allowedHosts(port).has(c.req.header('host') ?? '')) return c.text('Forbidden host', 403, refusalHeaders());
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    return undefined;
  });
  app.put('/upload/*', async (c) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/)?.[1] ?? '';
    if (!tokenMatches(bearer, token) || !allowedOrigins(port).has(c.req.header('origin') ?? '')) return c.json({ ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed' } }, 403);
    return options.services.upload(c.req.raw);
  });
  app.use('*', serveStatic({ root: options.rendererDir }));
  // Client-side routes fall back to the app shell.
  app.get('*', serveStatic({ root: options.rendererDir, path: 'index.html' }));

  const sockets = createIpcSocketServer({ token, port: () => port, dispatch: options.services.dispatch, bus: options.services.bus });
  const listener = getRequestListener(app.fetch);
  // The adapter answers every request itself (errors included); Node only needs it started.
  const server = createServer((request, response) => void listener(request, response));
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const courses = await startCourseServer(options.services.scorm);
  headers = securityHeaders([courses.frameSource]);
  options.services.scorm.configureHost({ courseBase: (label) => `http://${label}.localhost:${courses.port}`, appOrigins: [...allowedOrigins(port)], rendererDir: options.rendererDir });
  const lanBind = options.lanBind ?? lanBindFromEnv();
  options.services.scormLan.configureHost({ rendererDir: options.rendererDir, ...(lanBind ? { bind: lanBind } : {}) });
  // Listens again if the instructor left course sharing on; a failure is in its status, never a crash.
  void options.services.scormLan.resume().catch(() => undefined);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      await options.services.scormLan.stop();
      await sockets.close();
      await courses.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function defaultRendererDir(repoRoot: string): string {
  return join(repoRoot, 'dist', 'renderer');
}
