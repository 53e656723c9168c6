/**
 * RFC 5646 §2.1 well-formedness (the ABNF), which is what xAPI 1.0.3 Data 2.2.s4.b2 requires of language map keys
 * ("the sequence of token lengths"). Validity against the IANA subtag registry is deliberately not checked.
 * Subtags are case-insensitive (RFC 5646 §2.1.1).
 */
const ALPHANUM = '[a-z0-9]';
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})'; // 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
const SCRIPT = '[a-z]{4}';
const REGION = '(?:[a-z]{2}|[0-9]{3})';
const VARIANT = `(?:${ALPHANUM}{5,8}|[0-9]${ALPHANUM}{3})`;
const EXTENSION = `(?:[0-9a-wy-z](?:-${ALPHANUM}{2,8})+)`; // any singleton except "x"
const PRIVATE_USE = `(?:x(?:-${ALPHANUM}{1,8})+)`;
const LANGTAG = `${LANGUAGE}(?:-${SCRIPT})?(?:-${REGION})?(?:-${VARIANT})*(?:-${EXTENSION})*(?:-${PRIVATE_USE})?`;
const WELL_FORMED = new RegExp(`^(?:${LANGTAG}|${PRIVATE_USE})$`, 'i');

/** RFC 5646 §2.2.8: tags registered before RFC 4646 that do not fit the generative syntax. */
const GRANDFATHERED = new Set(
  [
    'en-GB-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo',
    'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-BE-FR', 'sgn-BE-NL', 'sgn-CH-DE', 'art-lojban', 'cel-gaulish', 'no-bok',
    'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
  ].map((tag) => tag.toLowerCase()),
);

export function isLanguageTag(value: string): boolean {
  return WELL_FORMED.test(value) || GRANDFATHERED.has(value.toLowerCase());
}
