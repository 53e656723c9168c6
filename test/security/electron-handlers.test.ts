import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from '../main/app/fake-electron';
import { appListeners, FakeWebContents, openedExternally, sessionHandlers } from '../main/app/fake-electron';

vi.mock('electron', () => import('../main/app/fake-electron'));
const { createMainWindow, denyAllPermissions } = await import('../../main/app/main-window');
const { externalLinkTarget, guardWebContents, hardenShell } = await import('../../main/app/shell-hardening');
const { isAppUrl } = await import('../../main/app/app-protocol');

const FUZZ = { seed: 20_261_126, numRuns: 300 };

/** URLs of every kind a page could try: the app's own, course origins, the network, files, scripts and junk. */
const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'app://outpost/index.html',
    'app://outpost/index.html#/library',
    'APP://OUTPOST/x',
    'app://outpost.evil.example/',
    'app://outpost@evil.example/',
    'app://evil/',
    'app:outpost',
    'scorm://pkg-0123456789abcdef01234567-u0123456789abcdef/content/a.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'http://127.0.0.1:5180/',
    'https://user:pass@example.org/',
    'https://example.org/help',
    'mailto:teacher@school.example',
    'mailto:a@b.example?body=x',
    'smb://server/share',
    'ms-msdt:/id',
    'vscode://file/etc',
    'about:blank',
    '',
    'https://',
    `https://example.org/${'a'.repeat(3000)}`,
  ),
  fc.string({ maxLength: 60 }),
  fc.tuple(fc.constantFrom('app', 'scorm', 'https', 'http', 'file', 'mailto', 'blob'), fc.string({ maxLength: 30 })).map(([scheme, rest]) => `${scheme}:${rest}`),
);

beforeEach(() => {
  openedExternally.length = 0;
  appListeners.clear();
});

function navigationAllowed(win: BrowserWindow | FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const contents = win instanceof FakeWebContents ? win : win.webContents;
  const preventDefault = vi.fn();
  contents.listeners.get(event)?.({ preventDefault }, url);
  return preventDefault.mock.calls.length === 0;
}

describe('navigation guards', () => {
  it('let the main window navigate and redirect only within app://outpost', () => {
    const win = createMainWindow('/x') as unknown as BrowserWindow;
    fc.assert(
      fc.property(anyUrl, (url) => {
        for (const event of ['will-navigate', 'will-redirect'] as const) expect(navigationAllowed(win, event, url), `${event} ${url}`).toBe(isAppUrl(url));
      }),
      FUZZ,
    );
    expect(navigationAllowed(win, 'will-navigate', 'app://outpost/index.html#/sync')).toBe(true);
    for (const url of ['app://outpost.evil.example/', 'app://outpost@evil.example/', 'scorm://pkg-0123456789abcdef01234567-u0123456789abcdef/', 'https://example.org/']) {
      expect(navigationAllowed(win, 'will-navigate', url), url).toBe(false);
      expect(navigationAllowed(win, 'will-redirect', url), url).toBe(false);
    }
  });
});

describe('window.open', () => {
  it('never opens a window, and hands the browser only a checked https or mailto URL, never on a kiosk', () => {
    const win = createMainWindow('/x') as unknown as BrowserWindow;
    fc.assert(
      fc.property(anyUrl, fc.boolean(), (url, kiosk) => {
        win.setKiosk(kiosk);
        openedExternally.length = 0;
        expect(win.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
        const target = externalLinkTarget(url);
        expect(openedExternally).toEqual(!kiosk && target !== null ? [target] : []);
        for (const opened of openedExternally) {
          expect(['https:', 'mailto:']).toContain(new URL(opened).protocol);
          expect(opened.length).toBeLessThanOrEqual(2048);
        }
      }),
      FUZZ,
    );
  });

  it('accepts https without credentials and plain mailto addresses, re-serialised; nothing else', () => {
    expect(externalLinkTarget('https://help.example/guide?q=1#top')).toBe('https://help.example/guide?q=1#top');
    expect(externalLinkTarget('HTTPS://Help.Example/a b')).toBe('https://help.example/a%20b');
    expect(externalLinkTarget('mailto:teacher@school.example')).toBe('mailto:teacher@school.example');
    for (const url of [
      'http://help.example/',
      'https://user:pass@help.example/',
      'https://user@help.example/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:a@b.example?attach=/etc/passwd',
      'mailto:a@b.example&cc=c@d.example',
      'mailto:',
      'not a url',
      `https://help.example/${'x'.repeat(2100)}`,
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('every new webContents (web-contents-created)', () => {
  it('is guarded like the main window: no navigation away, no webview, no window, no browser when its window is unknown', () => {
    hardenShell();
    const [created] = appListeners.get('web-contents-created') ?? [];
    expect(created).toBeTypeOf('function');
    const contents = new FakeWebContents();
    created?.({}, contents);
    expect(navigationAllowed(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(navigationAllowed(contents, 'will-redirect', 'file:///etc/passwd')).toBe(false);
    expect(navigationAllowed(contents, 'will-navigate', 'app://outpost/index.html')).toBe(true);
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')?.(webview, { preload: '/evil.js', nodeIntegration: true }, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://help.example/' })).toEqual({ action: 'deny' });
    // Not the webContents of any window: treated as a kiosk, so nothing leaves the app.
    expect(openedExternally).toEqual([]);
  });

  it('follows its window\'s kiosk state at the time of the click', () => {
    const contents = new FakeWebContents();
    let kiosk = true;
    guardWebContents(contents as never, { kiosk: () => kiosk });
    contents.windowOpenHandler?.({ url: 'https://help.example/a' });
    kiosk = false;
    contents.windowOpenHandler?.({ url: 'https://help.example/b' });
    expect(openedExternally).toEqual(['https://help.example/b']);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check, device access and screen capture', () => {
    denyAllPermissions();
    const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'unknown'];
    for (const permission of permissions) {
      const callback = vi.fn();
      sessionHandlers.permissionRequest?.({}, permission, callback, { requestingUrl: 'app://outpost/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(sessionHandlers.permissionCheck?.({}, permission, 'app://outpost', {}), permission).toBe(false);
    }
    expect(sessionHandlers.devicePermission?.({ deviceType: 'usb', origin: 'app://outpost' })).toBe(false);
    const media = vi.fn();
    sessionHandlers.displayMediaRequest?.({}, media);
    expect(media).toHaveBeenCalledWith(null);
  });
});
