import { LEARNER_ACCOUNT_HOME_PAGE, OUTPOST_XAPI_BASE } from '../../../shared/xapi/outpost-iris';
import type { LocalApiDeps } from './local-api-deps';

/**
 * xAPI IRIs no longer follow the API address: a learner must be one agent from their first offline
 * statement on, and typed address text (credentials, a query, letter case) must never reach an IRI. The
 * address is accepted for callers that still pass it and ignored; see docs/api/xapi.md.
 */
export function xapiIris(_apiBaseUrl?: string | null): LocalApiDeps['xapi'] {
  return { accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, activityIriBase: OUTPOST_XAPI_BASE };
}
