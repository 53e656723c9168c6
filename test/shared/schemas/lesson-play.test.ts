import { describe, expect, it } from 'vitest';
import {
  createLessonPlayRequestSchema,
  createLessonPlayResponseSchema,
  getLessonPlayResponseSchema,
  lessonPlayEmailSchema,
  lessonPlayLocaleSchema,
  lessonPlayPhotoUrlSchema,
  lessonPlayReturnUrlSchema,
  lessonPlaySchema,
  listLessonPlaysQuerySchema,
  listLessonPlaysResponseSchema,
  redirectUrlFor,
  updateLessonPlayRequestSchema,
  updateLessonPlayResponseSchema,
} from '../../../shared/schemas/lesson-play';
import { sampleLessonPlay, updateResponse } from './fixtures/lesson-play-seed-examples';
import { rejectionMessages, rejectionPaths } from './fixtures/rejection';

function query(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

describe('lessonPlaySchema', () => {
  it('parses the seed sample unchanged', () => {
    expect(lessonPlaySchema.parse(sampleLessonPlay)).toEqual(sampleLessonPlay);
  });

  it('accepts a minimal play with only the non-optional fields', () => {
    const minimal = {
      id: 'p1',
      clientId: 'gofa',
      lessonId: 'lesson789',
      createdAt: '2024-05-24T10:00:00Z',
      sessions: [],
    };
    expect(lessonPlaySchema.parse(minimal)).toEqual(minimal);
  });

  it('turns Firestore timestamps from either SDK into ISO strings', () => {
    const admin = { ...sampleLessonPlay, createdAt: { _seconds: 1716544800, _nanoseconds: 500_000_000 } };
    expect(lessonPlaySchema.parse(admin).createdAt).toBe('2024-05-24T10:00:00.500Z');
    const client = { ...sampleLessonPlay, completedAt: { seconds: 1716545400, nanoseconds: 0 } };
    expect(lessonPlaySchema.parse(client).completedAt).toBe('2024-05-24T10:10:00.000Z');
  });

  it('rejects a date that is neither ISO nor a Firestore timestamp', () => {
    expect(rejectionPaths(lessonPlaySchema, { ...sampleLessonPlay, createdAt: '24/05/2024' })).toEqual(['createdAt']);
    expect(rejectionPaths(lessonPlaySchema, { ...sampleLessonPlay, createdAt: 1716544800 })).toEqual(['createdAt']);
  });

  it('allows null only where the seed says nullable', () => {
    const nulls = { averageGrade: null, averageEngagementLevel: null, averagePoseSimilarity: null };
    expect(lessonPlaySchema.safeParse({ ...sampleLessonPlay, ...nulls }).success).toBe(true);
    expect(rejectionPaths(lessonPlaySchema, { ...sampleLessonPlay, returnUrl: null, totalRepCount: null })).toEqual([
      'totalRepCount',
      'returnUrl',
    ]);
  });

  it('rejects bad map keys and values on their paths', () => {
    const badGrade = { ...sampleLessonPlay, lessonSessionGradeMap: { '0': 'A', '1': 'G' } };
    expect(rejectionPaths(lessonPlaySchema, badGrade)).toEqual(['lessonSessionGradeMap.1']);
    const badKey = { ...sampleLessonPlay, lessonSessionRepCountMap: { warmup: 10 } };
    expect(rejectionPaths(lessonPlaySchema, badKey)).toEqual(['lessonSessionRepCountMap.warmup']);
  });

  it('checks embedded sessions, including the rep count pairing', () => {
    const { targetRepCount: _omitted, ...unpaired } = sampleLessonPlay.sessions[1]!;
    const play = { ...sampleLessonPlay, sessions: [sampleLessonPlay.sessions[0], unpaired] };
    expect(rejectionPaths(lessonPlaySchema, play)).toEqual(['sessions.1.targetRepCount']);
  });

  it('rejects a locale outside the three supported', () => {
    expect(rejectionPaths(lessonPlaySchema, { ...sampleLessonPlay, locale: 'fr' })).toEqual(['locale']);
  });
});

describe('getLessonPlayResponseSchema', () => {
  it('wraps the play in data', () => {
    expect(getLessonPlayResponseSchema.parse({ data: sampleLessonPlay })).toEqual({ data: sampleLessonPlay });
    expect(rejectionPaths(getLessonPlayResponseSchema, sampleLessonPlay)).toEqual(['data']);
  });
});

describe('listLessonPlaysQuerySchema', () => {
  it('fills the documented defaults', () => {
    expect(listLessonPlaysQuerySchema.parse(query('clientId=gofa'))).toEqual({
      clientId: 'gofa',
      page: 1,
      pageSize: 20,
      sortBy: 'createdAt',
      sortOrder: 'desc',
    });
  });

  it('coerces numbers and keeps filters and the cursor', () => {
    const parsed = listLessonPlaysQuerySchema.parse(
      query('clientId=gofa&page=3&pageSize=100&sortBy=score&sortOrder=asc&userId=user456&lessonId=l1&startAfter=0.9'),
    );
    expect(parsed).toEqual({
      clientId: 'gofa',
      page: 3,
      pageSize: 100,
      sortBy: 'score',
      sortOrder: 'asc',
      userId: 'user456',
      lessonId: 'l1',
      startAfter: '0.9',
    });
  });

  it('requires clientId', () => {
    expect(rejectionPaths(listLessonPlaysQuerySchema, query('page=1'))).toEqual(['clientId']);
  });

  it('rejects pageSize 101, page 0 and an unknown sort order', () => {
    expect(rejectionPaths(listLessonPlaysQuerySchema, query('clientId=gofa&pageSize=101'))).toEqual(['pageSize']);
    expect(rejectionPaths(listLessonPlaysQuerySchema, query('clientId=gofa&page=0'))).toEqual(['page']);
    expect(rejectionPaths(listLessonPlaysQuerySchema, query('clientId=gofa&sortOrder=up'))).toEqual(['sortOrder']);
  });
});

describe('listLessonPlaysResponseSchema', () => {
  const page = {
    data: [sampleLessonPlay],
    page: 1,
    pageSize: 20,
    hasMore: true,
    nextPageToken: '2024-05-24T10:00:00.000Z',
  };

  it('parses a page with any cursor value', () => {
    expect(listLessonPlaysResponseSchema.parse(page)).toEqual(page);
    const lastPage = { ...page, hasMore: false, nextPageToken: null };
    expect(listLessonPlaysResponseSchema.safeParse(lastPage).success).toBe(true);
  });

  it('rejects a page without hasMore and a bad play by index', () => {
    const { hasMore: _omitted, ...withoutHasMore } = page;
    expect(rejectionPaths(listLessonPlaysResponseSchema, withoutHasMore)).toEqual(['hasMore']);
    const bad = { ...page, data: [{ ...sampleLessonPlay, averageGrade: 'Z' }] };
    expect(rejectionPaths(listLessonPlaysResponseSchema, bad)).toEqual(['data.0.averageGrade']);
  });
});

describe('field validators', () => {
  it('report exactly the seed messages, whatever the failure', () => {
    expect(rejectionMessages(lessonPlayEmailSchema, 'not-an-email')).toEqual(['Invalid email']);
    expect(rejectionMessages(lessonPlayEmailSchema, 42)).toEqual(['Invalid email']);
    expect(rejectionMessages(lessonPlayPhotoUrlSchema, 'photo.jpg')).toEqual(['Invalid photoURL']);
    expect(rejectionMessages(lessonPlayReturnUrlSchema, 'not a url')).toEqual(['Invalid returnUrl']);
    expect(rejectionMessages(lessonPlayLocaleSchema, 'zh-CN')).toEqual(['Invalid locale']);
  });

  it('refuse non-web URL schemes', () => {
    expect(lessonPlayReturnUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(lessonPlayPhotoUrlSchema.safeParse('file:///etc/passwd').success).toBe(false);
    expect(lessonPlayReturnUrlSchema.safeParse('http://localhost:3000/done').success).toBe(true);
  });
});

describe('createLessonPlayRequestSchema', () => {
  const body = {
    lessonId: 'lesson789',
    userId: 'user456',
    email: 'user@example.com',
    displayName: 'User Name',
    photoURL: 'https://example.com/photo.jpg',
    skipWarmUp: false,
    skipCoolDown: true,
    skipCalibration: false,
    locale: 'zh-Hant',
    playbackSpeed: 1.25,
    returnUrl: 'https://example.com/custom-result-page',
  };

  it('accepts every documented field, and lessonId alone', () => {
    expect(createLessonPlayRequestSchema.parse(body)).toEqual(body);
    expect(createLessonPlayRequestSchema.parse({ lessonId: 'lesson789' })).toEqual({ lessonId: 'lesson789' });
  });

  it('requires lessonId', () => {
    const { lessonId: _omitted, ...withoutLesson } = body;
    expect(rejectionPaths(createLessonPlayRequestSchema, withoutLesson)).toEqual(['lessonId']);
  });

  it('rejects bad fields with the seed messages on their paths', () => {
    const bad = { ...body, email: 'user@', photoURL: 'nope', returnUrl: 'javascript:alert(1)', locale: 'de' };
    expect(rejectionPaths(createLessonPlayRequestSchema, bad)).toEqual(['email', 'photoURL', 'locale', 'returnUrl']);
    expect(rejectionMessages(createLessonPlayRequestSchema, bad)).toEqual([
      'Invalid email',
      'Invalid photoURL',
      'Invalid locale',
      'Invalid returnUrl',
    ]);
  });

  it('rejects a non-positive playback speed', () => {
    expect(rejectionPaths(createLessonPlayRequestSchema, { lessonId: 'l', playbackSpeed: 0 })).toEqual([
      'playbackSpeed',
    ]);
  });
});

describe('createLessonPlayResponseSchema and redirectUrlFor', () => {
  it('builds the seed redirect format', () => {
    expect(redirectUrlFor('abc123')).toBe('/move/lesson/play/abc123');
    expect(redirectUrlFor('a/b')).toBe('/move/lesson/play/a%2Fb');
  });

  it('accepts a reply built with redirectUrlFor', () => {
    const reply = {
      lessonPlayId: 'abc123',
      redirectUrl: redirectUrlFor('abc123'),
      createdAt: '2024-05-24T10:00:00.000Z',
    };
    expect(createLessonPlayResponseSchema.parse(reply)).toEqual(reply);
  });

  it('rejects another redirect shape and a non-ISO createdAt', () => {
    const reply = { lessonPlayId: 'abc123', redirectUrl: '/play/abc123', createdAt: 'now' };
    expect(rejectionPaths(createLessonPlayResponseSchema, reply)).toEqual(['redirectUrl', 'createdAt']);
  });
});

describe('updateLessonPlayRequestSchema', () => {
  it('accepts a new returnUrl and null to remove it', () => {
    expect(updateLessonPlayRequestSchema.parse({ returnUrl: 'https://example.com/r' })).toEqual({
      returnUrl: 'https://example.com/r',
    });
    expect(updateLessonPlayRequestSchema.parse({ returnUrl: null })).toEqual({ returnUrl: null });
  });

  it('answers "No valid fields to update" for a body without returnUrl', () => {
    expect(rejectionMessages(updateLessonPlayRequestSchema, {})).toEqual(['No valid fields to update']);
    expect(rejectionMessages(updateLessonPlayRequestSchema, { email: 'user@example.com' })).toEqual([
      'No valid fields to update',
    ]);
  });

  it('answers "Invalid returnUrl" for a bad one', () => {
    expect(rejectionPaths(updateLessonPlayRequestSchema, { returnUrl: 'ftp://x' })).toEqual(['returnUrl']);
    expect(rejectionMessages(updateLessonPlayRequestSchema, { returnUrl: 5 })).toEqual(['Invalid returnUrl']);
  });
});

describe('updateLessonPlayResponseSchema', () => {
  it('parses the seed example', () => {
    expect(updateLessonPlayResponseSchema.parse(updateResponse)).toEqual(updateResponse);
  });

  it('rejects success false and fields that cannot be updated', () => {
    expect(rejectionPaths(updateLessonPlayResponseSchema, { ...updateResponse, success: false })).toEqual(['success']);
    expect(rejectionPaths(updateLessonPlayResponseSchema, { ...updateResponse, updatedFields: ['email'] })).toEqual([
      'updatedFields.0',
    ]);
  });
});
