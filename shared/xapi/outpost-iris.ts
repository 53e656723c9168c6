/**
 * Outpost's one xAPI namespace, the same on every kiosk and for ever (docs/api/xapi.md): a learner is one
 * agent from their first offline statement on, whatever API address is typed later, and no address text
 * (credentials, a query, upper-case letters) can end up inside an IRI. `.invalid` can never resolve, so
 * no statement claims a domain someone else owns. Every IRI is built with the URL API from this base.
 */
// shared/ compiles without DOM or Node types; both runtimes it runs in (Node, Chromium) have WHATWG URL.
declare const URL: new (path: string, base: string) => { readonly href: string };

export const OUTPOST_XAPI_BASE = 'https://outpost.invalid/';

/** account.homePage of every learner: their `name` is the learner's id on the remote API (the roster's). */
export const LEARNER_ACCOUNT_HOME_PAGE = new URL('learners', OUTPOST_XAPI_BASE).href;

/** Context extension carrying the remote API's id of the VR session a statement is about. */
export const VR_SESSION_EXTENSION = new URL('xapi/extensions/vr-session-id', OUTPOST_XAPI_BASE).href;

export function vrPackageActivityIri(packageId: string): string {
  return new URL(`vr-packages/${encodeURIComponent(packageId)}`, OUTPOST_XAPI_BASE).href;
}

export function activityIri(activityId: string): string {
  return new URL(`activities/${encodeURIComponent(activityId)}`, OUTPOST_XAPI_BASE).href;
}
