import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface LatencyShim {
  /** http://127.0.0.1:<port>: the upstream's address as a distant network shows it. */
  readonly url: string;
  readonly rttMs: number;
  /** TCP connections clients opened through the shim (a keep-alive pool opens few). */
  readonly connections: () => number;
  stop(): Promise<void>;
}

/**
 * A TCP proxy in front of a loopback server that behaves like a network with a round trip of `rttMs`:
 * every byte takes half the round trip to reach the other side, in order, each way; a new connection
 * costs one round trip (the TCP handshake) before its first byte is forwarded. So a request on an open
 * connection takes one round trip plus the server's time, as over a real link; bandwidth is not limited
 * (sync's requests and answers are a few kilobytes). Used by the sync benchmark to put a school network
 * and a distant API between the kiosk and the reference server.
 */
export async function startLatencyShim(upstreamUrl: string, rttMs: number): Promise<LatencyShim> {
  const upstream = new URL(upstreamUrl);
  const half = rttMs / 2;
  const sockets = new Set<Socket>();
  let opened = 0;
  // Chunks keep their order: each is due `half` after it arrived, and equal delays fire in the order set.
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, half);
    });
    from.on('end', () => setTimeout(() => to.end(), half));
    from.on('error', () => to.destroy());
    from.on('close', () => setTimeout(() => to.destroy(), half));
  };
  const server = createServer((client) => {
    opened += 1;
    sockets.add(client);
    client.pause();
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    setTimeout(() => {
      const server = connect({ host: upstream.hostname, port: Number(upstream.port) }, () => {
        relay(client, server);
        relay(server, client);
        client.resume();
      });
      sockets.add(server);
      server.on('close', () => sockets.delete(server));
      server.on('error', () => client.destroy());
    }, rttMs);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rttMs,
    connections: () => opened,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
