import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from './fake-electron';
import { Menu, app, commandLineSwitches } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { applyKiosk, hardenShell, kioskWanted } = await import('../../../main/app/shell-hardening');
const { createMainWindow } = await import('../../../main/app/main-window');

afterEach(() => {
  app.isPackaged = false;
  Menu.current = undefined;
  commandLineSwitches.clear();
});

describe('shell hardening', () => {
  it('removes the application menu in a packaged build only', () => {
    expect(hardenShell()).toEqual({ packaged: false });
    expect(Menu.current).toBeUndefined();
    app.isPackaged = true;
    expect(hardenShell()).toEqual({ packaged: true });
    expect(Menu.current).toBeNull();
  });

  it('gives a packaged window no developer tools, and closes them if they open anyway', () => {
    const dev = createMainWindow('/x', { packaged: false, kiosk: false }) as unknown as BrowserWindow;
    expect(dev.options.webPreferences).toMatchObject({ devTools: true });
    expect(dev.webContents.listeners.has('devtools-opened')).toBe(false);
    const packaged = createMainWindow('/x', { packaged: true, kiosk: false }) as unknown as BrowserWindow;
    expect(packaged.options.webPreferences).toMatchObject({ devTools: false });
    packaged.webContents.listeners.get('devtools-opened')?.();
    expect(packaged.webContents.devToolsClosed).toBe(1);
  });

  it('runs as a kiosk by setting or by the --kiosk switch, and follows the setting at run time', () => {
    expect(kioskWanted({ kioskMode: false })).toBe(false);
    expect(kioskWanted({ kioskMode: true })).toBe(true);
    commandLineSwitches.add('kiosk');
    expect(kioskWanted({ kioskMode: false })).toBe(true);
    commandLineSwitches.clear();
    const win = createMainWindow('/x', { packaged: true, kiosk: kioskWanted({ kioskMode: true }) }) as unknown as BrowserWindow;
    expect(win.options.kiosk).toBe(true);
    applyKiosk([win as never], { kioskMode: false });
    expect(win.isKiosk()).toBe(false);
    applyKiosk([win as never], { kioskMode: true });
    expect(win.isKiosk()).toBe(true);
  });
});
