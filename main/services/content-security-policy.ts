/**
 * The renderer's policy: only our own bundled scripts and styles, no inline code, no eval, no network.
 * `connect-src 'self'` reaches main only: the headless host's IPC socket and upload endpoint, or in
 * Electron the app:// scheme, which main itself serves. Course content is framed from its own origin
 * by a later policy entry, never from this one.
 */
export function rendererCsp(courseFrames: readonly string[] = []): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'worker-src': "'self'",
    'manifest-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'object-src': "'none'",
    // Only the course origins (see main/services/scorm/course-origin.ts) may be framed, by the player page.
    'frame-src': courseFrames.length > 0 ? courseFrames.join(' ') : "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Headers every renderer document and asset is served with, in both hosts. */
export function securityHeaders(courseFrames: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp(courseFrames),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
