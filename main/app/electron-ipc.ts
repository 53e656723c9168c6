import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import { APP_ORIGIN } from './app-protocol';

/** Only our own windows, showing our own top-level app page, may call main. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function wireElectronIpc(dispatch: Dispatch, bus: EventBus): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail('FORBIDDEN_SENDER', 'This window may not call Outpost');
      return dispatch(channel, payload, { transport: 'electron', senderId: `wc-${event.sender.id}` });
    });
  }
  bus.subscribe((channel, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && win.webContents.getURL().startsWith(APP_ORIGIN)) win.webContents.send(channel, payload);
    }
  });
}
