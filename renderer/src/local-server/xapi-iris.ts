import type { LocalApiDeps } from './local-api-deps';

/** Used until the kiosk knows its remote: `.invalid` can never resolve, so no IRI claims someone else's domain. */
export const OFFLINE_IRI_BASE = 'https://outpost.invalid';

/** xAPI identifies learners and activities by the remote API's address, so both IRIs follow that setting. */
export function xapiIris(apiBaseUrl: string | null): LocalApiDeps['xapi'] {
  const base = (apiBaseUrl ?? OFFLINE_IRI_BASE).replace(/\/+$/, '');
  return { accountHomePage: base, activityIriBase: base };
}
