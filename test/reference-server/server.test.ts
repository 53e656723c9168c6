import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './test-client';
import { useTestServer } from './use-test-server';

const t = useTestServer();

describe('startReferenceServer', () => {
  it('listens on 127.0.0.1 at a random port and names its url after it', () => {
    expect(t.server.port).toBeGreaterThan(0);
    expect(t.server.url).toBe(`http://127.0.0.1:${t.server.port}`);
  });

  it('is reachable on loopback and on no other local address', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
      .map((address) => address!.address);
    // The same probe that must be refused elsewhere connects on loopback, so a refusal means something.
    expect(await connects('127.0.0.1', t.server.port)).toBe(true);
    // A machine with loopback only has no other address to try.
    for (const host of others) expect(await connects(host, t.server.port), host).toBe(false);
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

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
