import { describe, expect, it } from 'vitest';
import { contentSessionLogSchema } from '../../../shared/schemas/content-session-log';
import { rejectionPaths } from './fixtures/rejection';

const sessionLog = {
  id: 'session-uuid',
  user: 'user-uuid',
  node_id: 'content-node-uuid',
  content_id: 'content-uuid',
  channel_id: 'channel-uuid',
  kind: 'video',
  lesson_id: null,
  quiz_id: null,
  course_session_id: null,
  start_timestamp: '2025-01-15T10:00:00Z',
  end_timestamp: '2025-01-15T10:00:30Z',
  time_spent: 30,
  progress: 0.25,
  extra_fields: { contentState: { position: 31.5 } },
  mastery_level: null,
};

describe('contentSessionLogSchema', () => {
  it('accepts a session built from the seed start and update bodies', () => {
    expect(contentSessionLogSchema.parse(sessionLog)).toEqual(sessionLog);
  });

  it('accepts a quiz session without a node', () => {
    const quiz = { ...sessionLog, node_id: null, content_id: 'exam-uuid', channel_id: null, kind: 'quiz', quiz_id: 'exam-uuid', mastery_level: -12345 };
    expect(contentSessionLogSchema.safeParse(quiz).success).toBe(true);
  });

  it('rejects progress above 1 and an unknown kind', () => {
    expect(rejectionPaths(contentSessionLogSchema, { ...sessionLog, progress: 1.25 })).toEqual(['progress']);
    expect(rejectionPaths(contentSessionLogSchema, { ...sessionLog, kind: 'game' })).toEqual(['kind']);
  });
});
