import { describe, expect, it } from 'vitest';
import { validateAttachments } from '../../../shared/xapi/validate-attachment';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function attachments(value: unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateAttachments(value, 'attachments', errors);
  return errors;
}
const certificate = {
  usageType: 'http://adlnet.gov/expapi/attachments/signature',
  display: { 'en-US': 'A test attachment' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  fileUrl: 'http://over.there.com/file.txt',
};

describe('validateAttachments', () => {
  it('accepts a well-formed attachment header', () => {
    expect(attachments([certificate])).toEqual([]);
  });

  it('requires the mandatory properties and checks their formats', () => {
    expect(attachments([{ display: { en: 'x' } }]).map((error) => error.path)).toEqual([
      'attachments.0.usageType',
      'attachments.0.contentType',
      'attachments.0.length',
      'attachments.0.sha2',
    ]);
    expect(attachments([{ ...certificate, length: -1 }])[0]?.path).toBe('attachments.0.length');
    expect(attachments([{ ...certificate, sha2: 'abc' }])[0]?.path).toBe('attachments.0.sha2');
    expect(attachments([{ ...certificate, contentType: 'text' }])[0]?.path).toBe('attachments.0.contentType');
    expect(attachments([{ ...certificate, display: {} }])[0]?.path).toBe('attachments.0.display');
    expect(attachments(certificate)[0]?.path).toBe('attachments');
  });
});
