import { describe, expect, it } from 'vitest';
import { parseUploadReply } from '../../../renderer/src/library/upload-reply';
import { storedApk } from './stored-files';

describe('parseUploadReply', () => {
  it('reads a stored file', () => {
    expect(parseUploadReply(200, JSON.stringify({ ok: true, value: storedApk }))).toEqual({ ok: true, file: storedApk });
  });

  it('passes the store’s refusals on by code', () => {
    const reply = JSON.stringify({ ok: false, error: { code: 'NOT_AN_APK', message: 'No AndroidManifest.xml' } });
    expect(parseUploadReply(400, reply)).toEqual({ ok: false, code: 'NOT_AN_APK', message: 'No AndroidManifest.xml' });
    expect(parseUploadReply(403, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed' } }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('understands Electron’s plain-text refusals and anything unexpected', () => {
    expect(parseUploadReply(403, 'Forbidden')).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Forbidden' });
    expect(parseUploadReply(502, '<html>')).toEqual({ ok: false, code: 'BAD_RESPONSE', message: 'HTTP 502' });
    expect(parseUploadReply(200, JSON.stringify({ ok: true, value: { kind: 'zip' } }))).toMatchObject({ ok: false, code: 'BAD_RESPONSE' });
    expect(parseUploadReply(404, JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown upload' } }))).toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
