import { describe, expect, it } from 'vitest';
import { isIri } from '../../../shared/xapi/iri';

describe('isIri', () => {
  it('accepts absolute IRIs, including non-ASCII ones and other schemes', () => {
    for (const iri of [
      'http://adlnet.gov/expapi/verbs/completed',
      'https://outpost.example/vr-packages/3f1c?x=1#y',
      'http://example.com/فعل/خواندن',
      'urn:uuid:6f1c1a54-8f6e-4c59-9d7b-1f2a3b4c5d6e',
      'mailto:ada@example.com',
      'tag:example.com,2025:vr',
      'file:///tmp/x',
    ]) {
      expect(isIri(iri), iri).toBe(true);
    }
  });

  it('rejects values without a scheme, fragments, empty remainders and forbidden characters', () => {
    for (const bad of [
      '',
      'example.com/activity',
      '#question-1',
      '/relative/path',
      'http:',
      'https://',
      'http:no-host',
      '1http://x.com',
      'http://example.com/a b',
      'http://example.com/<x>',
      'http://example.com/%zz',
      'http://example.com/\n',
    ]) {
      expect(isIri(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
