/**
 * The renderer's policy: only our own bundled scripts and styles, no inline code, no eval, no network.
 * `connect-src 'self'` reaches main only: the headless host's IPC socket and upload endpoint, or in
 * Electron the app:// scheme, which main itself serves. Course content is framed from its own origin
 * by a later policy entry, never from this one.
 *
 * electronegativity's CSP_GLOBAL_CHECK reports "no CSP" for the whole app: it looks for a <meta> tag or a
 * session.webRequest hook, while this policy is a response header of our own scheme handlers (app://,
 * scorm://) and of the serve host. test/security/csp-everywhere.test.ts checks every answer carries one.
 */
export function rendererCsp(courseFrames: readonly string[] = []): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    // 'wasm-unsafe-eval' lets our own bundled WebAssembly compile (the cast wall's software H.264 decoder,
    // for a Chromium whose WebCodecs lacks H.264); it allows no JavaScript eval and no foreign script.
    'script-src': "'self' 'wasm-unsafe-eval'",
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

/**
 * What a refusal (403, 404, 405 from a host or scheme handler) is served with: it is a document too, so it
 * gets a policy that allows nothing, cannot be framed and sends no referrer.
 */
export const REFUSAL_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function refusalHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': REFUSAL_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
}

/** The response with `headers` added where it has none of that name (a handler's own choice wins). */
export function withDefaultHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}
