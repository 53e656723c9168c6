import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { EventBus } from '../../../main/ipc/event-bus';
import { BrowserWindow, handled } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { wireElectronIpc } = await import('../../../main/app/electron-ipc');

const calls: unknown[][] = [];
const bus = new EventBus();
wireElectronIpc(async (...args) => {
  calls.push(args);
  return { ok: true, value: 'handled' };
}, bus);

function eventFrom(win: BrowserWindow | null, url: string, parent: unknown = null) {
  return { sender: win?.webContents ?? { id: 999 }, senderFrame: { url, parent } };
}

describe('wireElectronIpc', () => {
  it('registers exactly the contract channels', () => {
    expect([...handled.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('dispatches calls from our own top-level app page', async () => {
    const win = new BrowserWindow({});
    await win.loadURL('app://outpost/index.html');
    const result = await handled.get('settings:get')?.(eventFrom(win, 'app://outpost/index.html'), {});
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(calls.at(-1)).toEqual(['settings:get', {}, { transport: 'electron', senderId: `wc-${win.webContents.id}` }]);
  });

  it('refuses subframes, foreign origins and unknown windows before dispatching', async () => {
    const win = new BrowserWindow({});
    const before = calls.length;
    for (const event of [
      eventFrom(win, 'app://outpost/index.html', { url: 'app://outpost/' }),
      eventFrom(win, 'https://evil.example/'),
      eventFrom(null, 'app://outpost/index.html'),
    ]) {
      expect(await handled.get('app:info')?.(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(calls.length).toBe(before);
  });

  it('forwards bus events to app windows only', async () => {
    const app = new BrowserWindow({});
    await app.loadURL('app://outpost/index.html');
    const other = new BrowserWindow({});
    await other.loadURL('https://help.example/');
    const settings = { ...DEFAULT_SETTINGS, locale: 'en' as const };
    bus.emit('settings:changed', settings);
    expect(app.webContents.sent).toEqual([['settings:changed', settings]]);
    expect(other.webContents.sent).toEqual([]);
  });
});
