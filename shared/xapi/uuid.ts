/**
 * xAPI 1.0.3 Data 2.4.1: "all versions of variant 2 in RFC 4122 are valid, and the UUID MUST be in standard string
 * form". Variant 2 is RFC 4122's own layout (variant bits 10x, so the clock_seq_hi nibble is 8, 9, a or b); versions
 * 1-5 are RFC 4122's and 6-8 RFC 9562's. RFC 4122 §3 makes the hex digits case-insensitive on input, so uppercase is
 * accepted even though lowercase SHOULD be sent (Data 2.2.s3.b5).
 * Note: the spec's own example id "12345678-1234-5678-1234-567812345678" has variant nibble 1 and fails this check.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
