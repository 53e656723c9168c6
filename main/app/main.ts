import { join } from 'node:path';
import { platform } from 'node:os';
import { app, BrowserWindow, powerMonitor } from 'electron';
import type { Settings } from '../../shared/settings';
import { createMainServices, defaultAdbConfig } from './main-services';
import { APP_ORIGIN, handleAppScheme, registerAppScheme } from './app-protocol';
import { handleCourseScheme } from './scorm-protocol';
import { wireElectronIpc } from './electron-ipc';
import { safeStorageSecrets } from './safe-storage-secrets';
import { createMainWindow, denyAllPermissions } from './main-window';
import { applyKiosk, hardenShell, kioskWanted } from './shell-hardening';

// The bundle lives in dist/electron; the renderer build sits beside it in dist/renderer.
const distDir = join(__dirname, '..');

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(async () => {
    denyAllPermissions();
    const { packaged } = hardenShell();
    const services = createMainServices({
      dataDir: app.getPath('userData'),
      appInfo: { name: app.getName(), version: app.getVersion(), host: 'electron', platform: platform() },
      now: () => new Date(),
      log: (message, error) => console.error(message, error),
      adb: defaultAdbConfig(),
      secrets: safeStorageSecrets(app.getPath('userData')),
    });
    handleAppScheme(join(distDir, 'renderer'), services.upload);
    handleCourseScheme(services.scorm, APP_ORIGIN, join(distDir, 'renderer'));
    // Course sharing on the school's network (docs/scorm-lan.md): listens again if the instructor left it on.
    services.scormLan.configureHost({ rendererDir: join(distDir, 'renderer') });
    void services.scormLan.resume().catch((error: unknown) => console.error('Course sharing on the network did not start', error));
    wireElectronIpc(services.dispatch, services.bus);
    void services.startHeadsets();
    app.on('before-quit', () => services.stop());
    let shuttingDown = false;
    powerMonitor.on('shutdown', () => {
      shuttingDown = true;
    });
    const openWindow = async () => createMainWindow(join(distDir, 'electron'), { packaged, kiosk: kioskWanted(await services.settings.get()), shuttingDown: () => shuttingDown });
    services.bus.subscribe((channel, payload) => {
      if (channel === 'settings:changed') applyKiosk(BrowserWindow.getAllWindows(), payload as Settings);
    });
    await openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
