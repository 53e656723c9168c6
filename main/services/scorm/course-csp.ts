const join = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * Course files: anything from the course's own origin (courses use inline scripts and eval, so those stay),
 * nothing from the network. connect-src 'self' means a course can fetch its own files and nothing else:
 * not the app, not the remote API, not the internet. Only the player shell and the app may frame it, unless
 * the caller names other ancestors (the LAN hand-off, whose top frame is an LMS page: docs/scorm-lan.md).
 */
export function courseContentCsp(appOrigins: readonly string[], frameAncestors?: string): string {
  return join({
    'default-src': "'self' data: blob:",
    'script-src': "'self' 'unsafe-inline' 'unsafe-eval' blob:",
    'style-src': "'self' 'unsafe-inline' data: blob:",
    'img-src': "'self' data: blob:",
    'media-src': "'self' data: blob:",
    'font-src': "'self' data:",
    'connect-src': "'self'",
    'frame-src': "'self' data: blob:",
    'worker-src': "'self' blob:",
    'form-action': "'self'",
    'base-uri': "'self'",
    'frame-ancestors': frameAncestors ?? ["'self'", ...appOrigins].join(' '),
  });
}

/**
 * The player shell: only its own bundled script, no network at all, and it frames only its own origin, so
 * the course frame inside it can never be navigated somewhere else. Only the app may frame the shell, unless
 * the caller names other ancestors (the LAN hand-off: docs/scorm-lan.md).
 */
export function playerShellCsp(appOrigins: readonly string[], frameAncestors?: string): string {
  return join({
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data:",
    'frame-src': "'self'",
    'connect-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': frameAncestors ?? (appOrigins.join(' ') || "'none'"),
  });
}

export function courseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
