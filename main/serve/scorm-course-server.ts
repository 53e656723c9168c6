import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { refusalHeaders } from '../services/content-security-policy';
import { parseCourseLabel } from '../services/scorm/course-origin';
import type { ScormService } from '../services/scorm/scorm-service';

export interface CourseServer {
  readonly port: number;
  /** The renderer's frame-src for course origins. */
  readonly frameSource: string;
  close(): Promise<void>;
}

/**
 * serve's equivalent of Electron's scorm:// scheme: a second loopback listener where every course (and
 * every learner's copy of it) has its own origin, http://<label>.localhost:<port>. Chromium sends
 * *.localhost to loopback without DNS, and the app's own origin (127.0.0.1 on the other port) is never one
 * of them, so course content is cross-origin to the app. Any other Host is refused (DNS rebinding).
 */
export async function startCourseServer(scorm: ScormService, port = 0): Promise<CourseServer> {
  let bound = 0;
  const listener = getRequestListener(async (request) => {
    const host = request.headers.get('host') ?? '';
    const match = /^([a-z0-9-]+)\.localhost:(\d+)$/.exec(host);
    const label = match && Number(match[2]) === bound ? parseCourseLabel(match[1] ?? '') : null;
    if (!label) return new Response('Forbidden host', { status: 403, headers: refusalHeaders() });
    return scorm.handleCourse(request, label);
  });
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    frameSource: `http://*.localhost:${bound}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
