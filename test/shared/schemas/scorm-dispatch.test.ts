import { describe, expect, it } from 'vitest';
import {
  createScormDispatchRequestSchema,
  createScormDispatchResponseSchema,
} from '../../../shared/schemas/scorm-dispatch';
import { dispatchRequest, dispatchResponse } from './fixtures/scorm-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

describe('createScormDispatchRequestSchema', () => {
  it('parses the seed body', () => {
    expect(createScormDispatchRequestSchema.parse(dispatchRequest)).toEqual(dispatchRequest);
  });

  it('requires a destination', () => {
    expect(rejectionPaths(createScormDispatchRequestSchema, { label: 'Acme' })).toEqual(['destination']);
  });
});

describe('createScormDispatchResponseSchema', () => {
  it('parses the seed example', () => {
    expect(createScormDispatchResponseSchema.parse(dispatchResponse)).toEqual(dispatchResponse);
  });

  it('rejects a dispatch without a launch URL', () => {
    const bad = { ...dispatchResponse, dispatch: { id: 'dsp_1' } };
    expect(rejectionPaths(createScormDispatchResponseSchema, bad)).toEqual(['dispatch.launchUrl']);
  });
});
