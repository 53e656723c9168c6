import { describe, expect, it } from 'vitest';
import { LESSON_GRADES, lessonPlaySessionSchema } from '../../../shared/schemas/lesson-play-session';
import { sampleLessonPlay } from './fixtures/lesson-play-seed-examples';
import { rejectionMessages, rejectionPaths } from './fixtures/rejection';

const seedSession = sampleLessonPlay.sessions[0]!;

describe('lessonPlaySessionSchema', () => {
  it.each(sampleLessonPlay.sessions)('parses seed session $index', (session) => {
    expect(lessonPlaySessionSchema.parse(session)).toEqual(session);
  });

  it('needs only the index', () => {
    expect(lessonPlaySessionSchema.parse({ index: 2 })).toEqual({ index: 2 });
  });

  it('accepts every documented grade and nothing else', () => {
    expect(LESSON_GRADES).toEqual(['A+', 'A', 'B', 'C', 'D', 'E', 'F']);
    for (const grade of LESSON_GRADES) {
      expect(lessonPlaySessionSchema.safeParse({ index: 0, grade }).success).toBe(true);
    }
    expect(rejectionPaths(lessonPlaySessionSchema, { index: 0, grade: 'A-' })).toEqual(['grade']);
  });

  it('rejects repCount without targetRepCount, on targetRepCount', () => {
    const { targetRepCount: _omitted, ...withoutTarget } = seedSession;
    expect(rejectionPaths(lessonPlaySessionSchema, withoutTarget)).toEqual(['targetRepCount']);
    expect(rejectionMessages(lessonPlaySessionSchema, withoutTarget)).toEqual([
      'targetRepCount is required when repCount is given',
    ]);
  });

  it('rejects targetRepCount without repCount, on repCount', () => {
    expect(rejectionPaths(lessonPlaySessionSchema, { index: 0, targetRepCount: 12 })).toEqual(['repCount']);
  });

  it('rejects levels outside 0..1 and a negative index', () => {
    expect(rejectionPaths(lessonPlaySessionSchema, { ...seedSession, engagementLevel: 95 })).toEqual([
      'engagementLevel',
    ]);
    expect(rejectionPaths(lessonPlaySessionSchema, { ...seedSession, poseSimilarity: -0.1 })).toEqual([
      'poseSimilarity',
    ]);
    expect(rejectionPaths(lessonPlaySessionSchema, { ...seedSession, index: -1 })).toEqual(['index']);
  });
});
