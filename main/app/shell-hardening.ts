import { Menu, app } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Settings } from '../../shared/settings';

/** The `--kiosk` command-line switch, for a kiosk set up by a launcher rather than in the app. */
export const KIOSK_SWITCH = 'kiosk';

/** Whether windows run as a kiosk: the switch wins, otherwise the instructor's setting. */
export function kioskWanted(settings: Pick<Settings, 'kioskMode'>): boolean {
  return app.commandLine.hasSwitch(KIOSK_SWITCH) || settings.kioskMode;
}

/**
 * Packaged builds get no application menu: its default entries (reload, toggle developer tools, zoom)
 * are ways around the app for someone at a kiosk keyboard.
 */
export function hardenShell(): { readonly packaged: boolean } {
  if (app.isPackaged) Menu.setApplicationMenu(null);
  return { packaged: app.isPackaged };
}

/** Follows the kiosk setting at run time, so an instructor can turn it on without a restart. */
export function applyKiosk(windows: readonly BrowserWindow[], settings: Pick<Settings, 'kioskMode'>): void {
  const kiosk = kioskWanted(settings);
  for (const win of windows) if (!win.isDestroyed() && win.isKiosk() !== kiosk) win.setKiosk(kiosk);
}
