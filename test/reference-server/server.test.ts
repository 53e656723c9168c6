import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from './test-client';
import type { TestServer } from './test-client';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => t.dispose());

describe('startReferenceServer', () => {
  it('listens on 127.0.0.1 at a random port and names its url after it', () => {
    expect(t.server.port).toBeGreaterThan(0);
    expect(t.server.url).toBe(`http://127.0.0.1:${t.server.port}`);
  });

  it('is not reachable on any other local address', async () => {
    const other = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!other) return; // a machine with loopback only has nothing else to try
    const refused = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: other.address, port: t.server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('answers unknown paths 404 in JSON', async () => {
    expect(await t.call('GET', '/api/unknown')).toMatchObject({ status: 404, body: { error: 'Not found' } });
  });

  it('starts on a requested port after a restart and stop', async () => {
    const { port } = t.server;
    await t.server.stop();
    const again = await startTestServer({ port, dataDir: t.dataDir });
    expect(again.server.port).toBe(port);
    await again.server.stop();
  });
});
