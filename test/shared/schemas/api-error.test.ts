import { describe, expect, it } from 'vitest';
import {
  LESSON_PLAY_ERROR_MESSAGES,
  lessonPlayErrorSchema,
  scormErrorSchema,
  VR_ERROR_CODES,
  VR_ERROR_STATUS,
  vrApiErrorSchema,
} from '../../../shared/schemas/api-error';
import { rejectionPaths } from './fixtures/rejection';

describe('vrApiErrorSchema', () => {
  it('accepts every documented code, with or without details', () => {
    for (const code of VR_ERROR_CODES) {
      expect(vrApiErrorSchema.safeParse({ error: 'x', code }).success).toBe(true);
    }
    const withDetails = { error: 'Invalid request body', code: 'VALIDATION_ERROR', details: [{ path: 'score' }] };
    expect(vrApiErrorSchema.parse(withDetails)).toEqual(withDetails);
  });

  it('rejects an unknown code and a missing message', () => {
    expect(rejectionPaths(vrApiErrorSchema, { error: 'x', code: 'NOT_FOUND' })).toEqual(['code']);
    expect(rejectionPaths(vrApiErrorSchema, { code: 'DB_ERROR' })).toEqual(['error']);
  });
});

describe('VR_ERROR_STATUS', () => {
  it('matches the seed tables, with 409 for our INVALID_TRANSITION', () => {
    expect(VR_ERROR_STATUS).toEqual({
      VALIDATION_ERROR: 400,
      ALREADY_COMPLETED: 400,
      UNAUTHORIZED: 401,
      PROFILE_NOT_FOUND: 404,
      SESSION_NOT_FOUND: 404,
      PACKAGE_NOT_FOUND: 404,
      DB_ERROR: 500,
      INVALID_TRANSITION: 409,
    });
  });
});

describe('lessonPlayErrorSchema', () => {
  it('parses the seed bodies', () => {
    expect(lessonPlayErrorSchema.safeParse({ error: LESSON_PLAY_ERROR_MESSAGES.clientNotFound }).success).toBe(true);
    const indexError = { error: 'Firestore index required', details: 'https://console.firebase.google.com/...' };
    expect(lessonPlayErrorSchema.parse(indexError)).toEqual(indexError);
  });

  it('rejects non-string details', () => {
    expect(rejectionPaths(lessonPlayErrorSchema, { error: 'x', details: { link: 'y' } })).toEqual(['details']);
  });
});

describe('scormErrorSchema', () => {
  it('accepts a bare error and one with a code', () => {
    expect(scormErrorSchema.safeParse({ error: 'Session Not Found' }).success).toBe(true);
    expect(scormErrorSchema.parse({ error: 'Version Conflict', code: 'VERSION_CONFLICT' }).code).toBe(
      'VERSION_CONFLICT',
    );
  });

  it('rejects a body without error', () => {
    expect(rejectionPaths(scormErrorSchema, { code: 'X' })).toEqual(['error']);
  });
});
