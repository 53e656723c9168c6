/**
 * Version 2 adds the cached roster and local sign-in sessions (for the local API's Bearer/cookie auth).
 * Only new tables are listed; Dexie carries v1's tables over unchanged.
 */
export const SCHEMA_V2 = {
  learners: 'id, tenant_id, [tenant_id+display_name]',
  // Only a hash of each token is stored: a copied database does not let anyone act as a learner.
  authSessions: 'token_hash, user_id, expires_at',
} as const;
