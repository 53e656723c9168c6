/** IRIs Outpost uses in statements. Established vocabulary is reused rather than coined (Data 3.1.s1.b3). */

/** ADL verb for finishing an activity. */
export const XAPI_VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

/** Activity Streams "application" activity type: what a VR package is. */
export const XAPI_ACTIVITY_TYPE_APPLICATION = 'http://activitystrea.ms/schema/1.0/application';

/**
 * The statement version a Learning Record Provider may set: Data 2.4.10.s4.b1 says that if it sets one it MUST be
 * "1.0.0", even when following 1.0.3, since every 1.0.x shares the 1.0.0 data model. The patch version actually
 * followed travels in the X-Experience-API-Version header ("1.0.3"), not in the statement.
 */
export const XAPI_STATEMENT_VERSION = '1.0.0';

/** The xAPI version Outpost follows, for the X-Experience-API-Version header. */
export const XAPI_SPEC_VERSION = '1.0.3';

/** Sent as X-Experience-API-Version on every xAPI request: the specification version the client follows. */
export const XAPI_VERSION_HEADER = '1.0.3';
