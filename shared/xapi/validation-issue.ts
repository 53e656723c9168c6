/** One rule violation, located by a path such as `result.score.raw`, `actor.member.0.mbox` or `verb.display["en_US"]`. */
export interface XapiValidationError {
  readonly path: string;
  readonly message: string;
}

/** Validators append to this list rather than stopping at the first problem. */
export type XapiValidationErrors = XapiValidationError[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Array indices and property names join with "." (as zod paths do elsewhere in shared/); keys that are not plain
 * identifiers (language tags, extension IRIs) are bracketed and quoted so a path stays unambiguous.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number' || IDENTIFIER.test(key)) return parent === '' ? String(key) : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}
