import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAUNCH_TOKEN_TTL_SECONDS,
  scormLaunchRequestSchema,
  scormLaunchResponseSchema,
  scormRefreshTokenResponseSchema,
  signedLaunchUrlSchema,
} from '../../../shared/schemas/scorm-launch';
import { launchRequest, launchResponse } from './fixtures/scorm-seed-examples';
import { rejectionMessages, rejectionPaths } from './fixtures/rejection';

describe('scormLaunchRequestSchema', () => {
  it('parses the seed body', () => {
    expect(scormLaunchRequestSchema.parse(launchRequest)).toEqual(launchRequest);
  });

  it('requires both ids', () => {
    expect(rejectionPaths(scormLaunchRequestSchema, { user_id: 'user-123' })).toEqual(['session_id']);
    expect(rejectionPaths(scormLaunchRequestSchema, { session_id: 'session-456', user_id: '' })).toEqual(['user_id']);
  });
});

describe('scormLaunchResponseSchema', () => {
  it('parses the seed example, whose TTL is the documented default', () => {
    expect(scormLaunchResponseSchema.parse(launchResponse)).toEqual(launchResponse);
    expect(launchResponse.expires_in_seconds).toBe(DEFAULT_LAUNCH_TOKEN_TTL_SECONDS);
  });

  it('rejects a hand-built player URL without a token', () => {
    const tokenless = { ...launchResponse, launch_url: 'https://app.allureconnect.com/player/session-456' };
    expect(rejectionPaths(scormLaunchResponseSchema, tokenless)).toEqual(['launch_url']);
    expect(rejectionMessages(scormLaunchResponseSchema, tokenless)).toEqual([
      'Launch URL must carry a ?token= query parameter',
    ]);
  });

  it('rejects another content type and a non-positive TTL', () => {
    expect(rejectionPaths(scormLaunchResponseSchema, { ...launchResponse, content_type: 'xapi' })).toEqual([
      'content_type',
    ]);
    expect(rejectionPaths(scormLaunchResponseSchema, { ...launchResponse, expires_in_seconds: 0 })).toEqual([
      'expires_in_seconds',
    ]);
  });
});

describe('signedLaunchUrlSchema', () => {
  it.each([
    'https://app.allureconnect.com/player/session-456?token=abc',
    'https://host/player/s?lang=en&token=abc',
    'outpost-scorm://pkg-1/player/s?token=abc#frame',
  ])('accepts %s', (url) => {
    expect(signedLaunchUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    'https://host/player/s?token=',
    'https://host/player/s?mytoken=abc',
    'https://host/player/s#?token=abc',
    '/player/s?token=abc',
  ])('rejects %s', (url) => {
    expect(signedLaunchUrlSchema.safeParse(url).success).toBe(false);
  });
});

describe('scormRefreshTokenResponseSchema', () => {
  it('accepts a new token or a new launch URL', () => {
    expect(scormRefreshTokenResponseSchema.safeParse({ token: 'eyJ...', expires_in_seconds: 14400 }).success).toBe(
      true,
    );
    const withUrl = { launch_url: launchResponse.launch_url, expires_in_seconds: 600 };
    expect(scormRefreshTokenResponseSchema.parse(withUrl)).toEqual(withUrl);
  });

  it('rejects a reply that carries nothing to refresh with', () => {
    expect(rejectionPaths(scormRefreshTokenResponseSchema, { expires_in_seconds: 14400 })).toEqual(['']);
  });

  it('requires the TTL', () => {
    expect(rejectionPaths(scormRefreshTokenResponseSchema, { token: 'eyJ...' })).toEqual(['expires_in_seconds']);
  });
});
