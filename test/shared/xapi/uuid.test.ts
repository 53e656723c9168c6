import { describe, expect, it } from 'vitest';
import { isUuid } from '../../../shared/xapi/uuid';

describe('isUuid', () => {
  it('accepts RFC 4122 variant UUIDs of any version, in either case', () => {
    for (const uuid of [
      'fd41c918-b88b-4b20-a0a5-a4c32391aaa0', // v4
      '6ba7b810-9dad-11d1-80b4-00c04fd430c8', // v1
      '0195f2a4-7b1e-7c3d-9e8f-0a1b2c3d4e5f', // v7
      'FD41C918-B88B-4B20-A0A5-A4C32391AAA0',
    ]) {
      expect(isUuid(uuid), uuid).toBe(true);
    }
  });

  it('rejects wrong lengths, non-hex digits, other variants, the nil UUID and non-standard forms', () => {
    for (const bad of [
      'AA97B177-9383-4934-8543-0F91A7A028368', // too many digits (ADL conformance suite)
      'MA97B177-9383-4934-8543-0F91A7A02836', // non-hex
      '12345678-1234-5678-1234-567812345678', // variant nibble 1 (NCS)
      'fd41c918-b88b-4b20-c0a5-a4c32391aaa0', // variant nibble c (Microsoft)
      'fd41c918-b88b-0b20-a0a5-a4c32391aaa0', // version 0
      '00000000-0000-0000-0000-000000000000',
      'fd41c918b88b4b20a0a5a4c32391aaa0',
      '{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}',
      'urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
      '',
    ]) {
      expect(isUuid(bad), bad).toBe(false);
    }
  });
});
