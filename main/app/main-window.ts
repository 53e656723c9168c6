import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-protocol';

/** Locks down a window: no navigation away from the app, no new windows, no webviews, no permissions. */
function guardWindow(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Help links may open in the user's browser; nothing opens inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export interface WindowOptions {
  /** A packaged build: no developer tools at all, since a kiosk user could use them to read main's replies. */
  readonly packaged: boolean;
  /** Full screen with no window controls, for a kiosk learners cannot leave. */
  readonly kiosk: boolean;
}

export function createMainWindow(preloadDir: string, options: WindowOptions = { packaged: false, kiosk: false }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    kiosk: options.kiosk,
    webPreferences: {
      devTools: !options.packaged,
      preload: join(preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  guardWindow(win);
  if (options.packaged) {
    // devTools:false already blocks them; closing on open covers any path that still gets there.
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
