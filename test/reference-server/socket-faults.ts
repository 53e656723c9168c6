import type { Socket } from 'node:net';

/** Hung requests of one instance, so stop() can end them instead of waiting out their timers. */
export type HangRegistry = Set<() => void>;

/**
 * Holds the request without answering until the client gives up (its socket closes), the instance
 * stops, or maxHangMs passes; in the last two cases the socket is destroyed, as a dead server's would be.
 */
export function hangUntilClosed(socket: Socket, maxHangMs: number, registry: HangRegistry): Promise<void> {
  return new Promise((resolve) => {
    const release = (destroy: boolean) => {
      clearTimeout(timer);
      socket.off('close', onClose);
      registry.delete(onStop);
      if (destroy) socket.destroy();
      resolve();
    };
    const onClose = () => release(false);
    const onStop = () => release(true);
    const timer = setTimeout(() => release(true), maxHangMs);
    socket.once('close', onClose);
    registry.add(onStop);
    if (socket.destroyed) release(false);
  });
}

/**
 * Ends the connection with no response. The client (undici fetch) sees `TypeError: fetch failed` with a
 * socket error as its cause, which is exactly what a crashed server or a dropped link looks like.
 */
export function dropConnection(socket: Socket): Response {
  socket.destroy();
  // Never reaches the client; the adapter still wants a Response to finish the request with.
  return new Response(null, { status: 500 });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
