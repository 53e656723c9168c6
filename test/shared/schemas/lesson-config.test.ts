import { describe, expect, it } from 'vitest';
import { lessonConfigSchema } from '../../../shared/schemas/lesson-config';
import { sampleLessonPlay } from './fixtures/lesson-play-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

describe('lessonConfigSchema', () => {
  it('parses the seed sample lesson', () => {
    expect(lessonConfigSchema.parse(sampleLessonPlay.lesson)).toEqual(sampleLessonPlay.lesson);
  });

  it('keeps fields the seed does not list', () => {
    const withExtras = { ...sampleLessonPlay.lesson, sessions: [{ id: 's1' }], durationMinutes: 30 };
    expect(lessonConfigSchema.parse(withExtras)).toEqual(withExtras);
  });

  it('rejects a title that is not multilingual', () => {
    expect(rejectionPaths(lessonConfigSchema, { id: 'lesson789', title: { en: 1 } })).toEqual(['title.en']);
  });
});
