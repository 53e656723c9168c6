export interface CspOptions {
  /**
   * The headless host's renderer talks to main over a same-origin WebSocket; the Electron renderer uses
   * IPC and needs no network at all.
   */
  readonly allowSameOriginConnect: boolean;
}

/**
 * The renderer's policy: only our own bundled scripts and styles, no inline code, no eval, no network.
 * Course content is framed from its own origin by a later policy entry, never from this one.
 */
export function rendererCsp(options: CspOptions): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'connect-src': options.allowSameOriginConnect ? "'self'" : "'none'",
    'worker-src': "'self'",
    'manifest-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'object-src': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Headers every renderer document and asset is served with, in both hosts. */
export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
