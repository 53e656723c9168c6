import { join } from 'node:path';
import { platform } from 'node:os';
import { app, BrowserWindow } from 'electron';
import { createMainServices, defaultAdbConfig } from '../services/main-services';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { wireElectronIpc } from './electron-ipc';
import { safeStorageSecrets } from './safe-storage-secrets';
import { createMainWindow, denyAllPermissions } from './main-window';

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

  void app.whenReady().then(() => {
    denyAllPermissions();
    const services = createMainServices({
      dataDir: app.getPath('userData'),
      appInfo: { name: app.getName(), version: app.getVersion(), host: 'electron', platform: platform() },
      now: () => new Date(),
      log: (message, error) => console.error(message, error),
      adb: defaultAdbConfig(),
      secrets: safeStorageSecrets(app.getPath('userData')),
    });
    handleAppScheme(join(distDir, 'renderer'), services.upload);
    wireElectronIpc(services.dispatch, services.bus);
    void services.startHeadsets();
    app.on('before-quit', () => services.stop());
    createMainWindow(join(distDir, 'electron'));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(join(distDir, 'electron'));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
