import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/channels';

/**
 * The whole surface the renderer gets: `invoke` and `on`, for contract channels only. Payloads are
 * validated again in main; this allow-list only keeps arbitrary channel names from reaching ipcRenderer.
 */
contextBridge.exposeInMainWorld('outpost', {
  invoke(channel: unknown, payload: unknown): Promise<unknown> {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, payload);
  },
  on(channel: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventChannel(channel) || typeof listener !== 'function') return () => undefined;
    // Never hand the raw IpcRendererEvent (it exposes `sender`) to page code.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});
