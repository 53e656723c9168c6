import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { guardWebContents } from './shell-hardening';

/**
 * No page of ours needs a permission (camera, microphone, notifications, devices, screen capture,
 * fullscreen for course videos included), so every request and check is refused, for the app's pages and
 * course content alike (both live in the default session).
 */
export function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

export interface WindowOptions {
  /** A packaged build: no developer tools at all, since a kiosk user could use them to read main's replies. */
  readonly packaged: boolean;
  /** Full screen with no window controls, for a kiosk learners cannot leave. */
  readonly kiosk: boolean;
  /** The computer is shutting down: a kiosk window must not stand in its way. */
  readonly shuttingDown?: () => boolean;
}

/**
 * A kiosk window does not close (Alt+F4, Ctrl+W, the window manager) while it is a kiosk. Leaving takes the
 * instructor's credential: they sign in and turn kiosk mode off in Settings (settings:update is an
 * instructor channel), and the window becomes an ordinary one that closes. A kiosk started with the
 * `--kiosk` switch is left through whatever launched it. The computer shutting down always wins.
 */
export function keepKioskOpen(win: Pick<BrowserWindow, 'on' | 'isKiosk'>, shuttingDown: () => boolean = () => false): void {
  win.on('close', (event) => {
    if (win.isKiosk() && !shuttingDown()) event.preventDefault();
  });
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
      preload: join(preloadDir, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: our own bundled preload; it exposes only invoke/on for contract channels (main/preload, docs/security.md)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click (auxclick) would open links past the click handlers; windows are refused anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWebContents(win.webContents, { kiosk: () => win.isKiosk() });
  keepKioskOpen(win, options.shuttingDown);
  if (options.packaged) {
    // devTools:false already blocks them; closing on open covers any path that still gets there.
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
