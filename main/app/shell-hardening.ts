import { BrowserWindow, Menu, app, shell } from 'electron';
import type { WebContents } from 'electron';
import type { Settings } from '../../shared/settings';
import { isAppUrl } from './app-protocol';

/** The `--kiosk` command-line switch, for a kiosk set up by a launcher rather than in the app. */
export const KIOSK_SWITCH = 'kiosk';

/** Whether windows run as a kiosk: the switch wins, otherwise the instructor's setting. */
export function kioskWanted(settings: Pick<Settings, 'kioskMode'>): boolean {
  return app.commandLine.hasSwitch(KIOSK_SWITCH) || settings.kioskMode;
}

/** Longer than any help link; a longer "URL" is someone's payload. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The only links that may leave the app for the user's browser or mail program: https without
 * credentials in it, or a plain mailto address. Returns the URL as the parser re-serialised it (that is
 * what is opened, never the page's own text), or null for anything else — file:, javascript:, custom
 * schemes that start other programs, smb:, http:, URLs that do not parse.
 */
export function externalLinkTarget(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'https:') return parsed.username === '' && parsed.password === '' && parsed.hostname !== '' ? parsed.href : null;
  if (parsed.protocol === 'mailto:') return /^mailto:[^\s"'<>\\@?&]+@[a-z0-9.-]+$/i.test(parsed.href) ? parsed.href : null;
  return null;
}

/**
 * Locks down one webContents: it never navigates away from the app (also not by a redirect), attaches no
 * webview, and opens no window. A link meant for a new window may go to the user's browser through
 * externalLinkTarget, except on a kiosk, where leaving the app is what must not happen.
 */
export function guardWebContents(contents: WebContents, options: { readonly kiosk: () => boolean }): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const target = options.kiosk() ? null : externalLinkTarget(url);
    // The URL is checked right above (https or mailto only, re-serialised), and never on a kiosk.
    if (target !== null) shell.openExternal(target).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK: only a URL externalLinkTarget accepted
    return { action: 'deny' };
  });
}

/**
 * Packaged builds get no application menu: its default entries (reload, toggle developer tools, zoom)
 * are ways around the app for someone at a kiosk keyboard. Every webContents created from now on (any
 * window, a devtools or a webview that slipped through) is guarded the same way as the main window; one
 * whose window is unknown counts as a kiosk.
 */
export function hardenShell(): { readonly packaged: boolean } {
  if (app.isPackaged) Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { kiosk: () => BrowserWindow.fromWebContents(contents)?.isKiosk() ?? true });
  });
  return { packaged: app.isPackaged };
}

/** Follows the kiosk setting at run time, so an instructor can turn it on without a restart. */
export function applyKiosk(windows: readonly BrowserWindow[], settings: Pick<Settings, 'kioskMode'>): void {
  const kiosk = kioskWanted(settings);
  for (const win of windows) if (!win.isDestroyed() && win.isKiosk() !== kiosk) win.setKiosk(kiosk);
}
