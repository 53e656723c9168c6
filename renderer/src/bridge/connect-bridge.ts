import type { Bridge } from './bridge';
import { SocketBridge } from './socket-bridge';

/** Also read by the upload helper: the headless host's upload endpoint takes the same token. */
export const IPC_TOKEN_KEY = 'outpost.ipc-token';

/**
 * Picks the transport: the preload's API inside Electron, otherwise the headless host's WebSocket. The
 * host hands its token over in the URL fragment (never sent to a server); we keep it for this tab only so
 * a reload still works, and drop it from the address bar.
 */
export function connectBridge(win: Window = window): Bridge | null {
  if (win.outpost) return win.outpost;
  const fromFragment = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromFragment) {
    win.sessionStorage.setItem(IPC_TOKEN_KEY, fromFragment);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = win.sessionStorage.getItem(IPC_TOKEN_KEY);
  return token ? new SocketBridge(win.location.origin, token) : null;
}
