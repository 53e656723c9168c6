/**
 * Best-effort IRI check (xAPI 1.0.3 Data 2.2.s4.b6 allows best effort): an RFC 3987 scheme, a colon and a non-empty
 * remainder, with none of the characters RFC 3987 never allows unescaped. Relative references and fragments such as
 * `#q1` are not IRIs (Data 2.4.4.1 note), and a value without a scheme must be rejected (Data 2.2.s4.b1.b8).
 * xAPI's IRL (a resolvable IRI: account.homePage, definition.moreInfo, attachment.fileUrl) uses the same check.
 */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const NEVER_UNESCAPED = new Set(['<', '>', '"', '{', '}', '|', '\\', '^', '`']);
const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

export function isIri(value: string): boolean {
  const scheme = SCHEME.exec(value);
  if (!scheme) return false;
  const rest = value.slice(scheme[0].length);
  if (rest.length === 0 || PERCENT_ESCAPE.test(value)) return false;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    // C0 controls, space, DEL and C1 controls are excluded by RFC 3987's ucschar/iunreserved ranges.
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || NEVER_UNESCAPED.has(char)) return false;
  }
  // An http(s) IRI without a host ("http:foo", "https://") resolves nowhere; RFC 3986 §3.2.2 requires one.
  if (/^https?:$/i.test(scheme[0]) && !/^\/\/[^/?#]/.test(rest)) return false;
  return true;
}
