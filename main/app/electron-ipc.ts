import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import { isAppUrl } from './app-protocol';

/** Only our own windows, showing our own top-level app page, may call main. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  return isAppUrl(frame.url);
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
      if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(channel, payload);
    }
  });
}
