import { describe, expect, it } from 'vitest';
import {
  contentSummaryLogSchema,
  totalContentProgressResponseSchema,
} from '../../../shared/schemas/content-summary-log';
import { rejectionPaths } from './fixtures/rejection';

const summaryLog = {
  id: 'summary-uuid',
  user: 'user-uuid',
  content_id: 'content-uuid',
  channel_id: 'channel-uuid',
  kind: 'exercise',
  start_timestamp: '2025-01-14T09:00:00Z',
  end_timestamp: '2025-01-15T10:05:00Z',
  completion_timestamp: null,
  time_spent: 930,
  progress: 0.6,
  extra_fields: {},
};

describe('contentSummaryLogSchema', () => {
  it('accepts an unfinished and a completed summary', () => {
    expect(contentSummaryLogSchema.parse(summaryLog)).toEqual(summaryLog);
    const done = { ...summaryLog, progress: 1, completion_timestamp: '2025-01-15T10:05:00Z' };
    expect(contentSummaryLogSchema.parse(done)).toEqual(done);
  });

  it('rejects negative time and a missing content id', () => {
    expect(rejectionPaths(contentSummaryLogSchema, { ...summaryLog, time_spent: -1 })).toEqual(['time_spent']);
    const { content_id: _omitted, ...withoutContent } = summaryLog;
    expect(rejectionPaths(contentSummaryLogSchema, withoutContent)).toEqual(['content_id']);
  });
});

describe('totalContentProgressResponseSchema', () => {
  it('accepts a count of completed items', () => {
    expect(totalContentProgressResponseSchema.parse({ id: 'user-uuid', progress: 12 })).toEqual({
      id: 'user-uuid',
      progress: 12,
    });
  });

  it('rejects a fraction, since progress here is a count', () => {
    expect(rejectionPaths(totalContentProgressResponseSchema, { id: 'user-uuid', progress: 0.5 })).toEqual([
      'progress',
    ]);
  });
});
