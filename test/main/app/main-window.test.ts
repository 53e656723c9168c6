import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow} from './fake-electron';
import { openedExternally } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { createMainWindow } = await import('../../../main/app/main-window');

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer, with our preload and no Node', () => {
    const win = createMainWindow('/opt/outpost/dist/electron') as unknown as BrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/outpost/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.loadedUrl).toBe('app://outpost/index.html');
  });

  it('refuses navigation away from the app, new windows and webviews', () => {
    const win = createMainWindow('/x') as unknown as BrowserWindow;
    const navigate = win.webContents.listeners.get('will-navigate');
    const blocked = { preventDefault: vi.fn() };
    navigate?.(blocked, 'https://evil.example/');
    expect(blocked.preventDefault).toHaveBeenCalled();
    const allowed = { preventDefault: vi.fn() };
    navigate?.(allowed, 'app://outpost/index.html#/library');
    expect(allowed.preventDefault).not.toHaveBeenCalled();

    expect(win.webContents.windowOpenHandler?.({ url: 'https://help.example/guide' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openedExternally).toEqual(['https://help.example/guide']);

    const webview = { preventDefault: vi.fn() };
    win.webContents.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('a kiosk window does not close until kiosk mode is turned off (an instructor setting), except when the computer shuts down', () => {
    let shuttingDown = false;
    const win = createMainWindow('/x', { packaged: true, kiosk: true, shuttingDown: () => shuttingDown }) as unknown as BrowserWindow;
    const close = () => {
      const event = { preventDefault: vi.fn() };
      win.listeners.get('close')?.(event);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(close()).toBe(false);
    win.setKiosk(false);
    expect(close()).toBe(true);
    win.setKiosk(true);
    shuttingDown = true;
    expect(close()).toBe(true);
  });
});
