/** The xAPI 1.0.3 statement shapes Outpost produces (Data 2.4). Untrusted input is checked by validateStatement. */

/** RFC 5646 language tag -> text in that language (Data 4.2). */
export type XapiLanguageMap = Record<string, string>;

export interface XapiAccount {
  homePage: string;
  name: string;
}

/** Exactly one of mbox, mbox_sha1sum, openid or account identifies an Agent (Data 2.4.2.1). */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export interface XapiGroup {
  objectType: 'Group';
  name?: string;
  member?: XapiAgent[];
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export interface XapiVerb {
  id: string;
  display?: XapiLanguageMap;
}

export interface XapiActivityDefinition {
  name?: XapiLanguageMap;
  description?: XapiLanguageMap;
  type?: string;
  moreInfo?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiStatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. "PT30M". */
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContextActivities {
  parent?: XapiActivity[];
  grouping?: XapiActivity[];
  category?: XapiActivity[];
  other?: XapiActivity[];
}

export interface XapiContext {
  registration?: string;
  instructor?: XapiAgent | XapiGroup;
  team?: XapiGroup;
  contextActivities?: XapiContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: XapiStatementRef;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id?: string;
  actor: XapiAgent | XapiGroup;
  verb: XapiVerb;
  object: XapiActivity | XapiAgent | XapiGroup | XapiStatementRef;
  result?: XapiResult;
  context?: XapiContext;
  /** ISO 8601 date-time. */
  timestamp?: string;
  version?: string;
}
