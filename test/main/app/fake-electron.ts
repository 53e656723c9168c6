/**
 * A stand-in for the parts of the `electron` module the shell uses, recording what the shell asked for so
 * tests can check the window's security options and IPC wiring without the Electron binary.
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener>();
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  url = '';
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  devToolsClosed = 0;
  closeDevTools() {
    this.devToolsClosed += 1;
  }
}

export class BrowserWindow {
  static windows: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly listeners = new Map<string, Listener>();
  loadedUrl = '';
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  constructor(readonly options: Record<string, unknown>) {
    this.kiosk = options.kiosk === true;
    BrowserWindow.windows.push(this);
  }
  static getAllWindows() {
    return BrowserWindow.windows;
  }
  static fromWebContents(contents: unknown) {
    return BrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }
  once() {
    return this;
  }
  show() {}
  isDestroyed() {
    return false;
  }
  kiosk = false;
  isKiosk() {
    return this.kiosk;
  }
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
}

export const handled = new Map<string, Listener>();
export const ipcMain = {
  handle(channel: string, listener: Listener) {
    handled.set(channel, listener);
  },
};

export const openedExternally: string[] = [];
export const shell = {
  openExternal(url: string) {
    openedExternally.push(url);
    return Promise.resolve();
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
/** The session's handlers as the shell installed them, so tests can ask them. */
export const sessionHandlers: {
  permissionRequest?: PermissionRequestHandler;
  permissionCheck?: (...args: unknown[]) => boolean;
  devicePermission?: (details: unknown) => boolean;
  displayMediaRequest?: (request: unknown, callback: (streams: unknown) => void) => void;
} = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      sessionHandlers.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      sessionHandlers.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: (details: unknown) => boolean) {
      sessionHandlers.devicePermission = handler;
    },
    setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: unknown) => void) => void) {
      sessionHandlers.displayMediaRequest = handler;
    },
  },
};

/** Scheme handlers the shell registered with protocol.handle, by scheme. */
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const protocol = {
  registerSchemesAsPrivileged() {},
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    protocolHandlers.set(scheme, handler);
  },
};

/** What the shell set as the application menu: undefined until it is set, null for "no menu". */
export const Menu = {
  current: undefined as unknown,
  setApplicationMenu(menu: unknown) {
    Menu.current = menu;
  },
};

export const commandLineSwitches = new Set<string>();
/** app.on listeners, by event name (every one registered, in order). */
export const appListeners = new Map<string, Listener[]>();
export const app = {
  isPackaged: false,
  commandLine: { hasSwitch: (name: string) => commandLineSwitches.has(name) },
  on(event: string, listener: Listener) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
};

/** safeStorage with its backend chosen by the test. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (blob: Buffer) => Buffer.from(blob.toString().replace(/^enc:/, ''), 'base64').toString(),
};
