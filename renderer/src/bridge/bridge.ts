import type { Result } from '../../../shared/ipc/result';

/** The renderer's only way to reach main: Electron's preload in the app, a loopback WebSocket in `serve`. */
export interface Bridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The shape the preload exposes on `window.outpost` (see main/preload). */
export interface PreloadApi {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    readonly outpost?: PreloadApi;
  }
}
