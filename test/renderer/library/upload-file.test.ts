import { afterEach, describe, expect, it } from 'vitest';
import type { Bridge } from '../../../renderer/src/bridge/bridge';
import { IpcClient } from '../../../renderer/src/bridge/ipc-client';
import { createPackageUploader } from '../../../renderer/src/library/upload-file';
import { storedApk } from './stored-files';

const TICKET = 'ab'.repeat(32);

/** Records what an upload would send; answers as the host does on success. */
class FakeXhr {
  static made: FakeXhr[] = [];
  readonly headers: Record<string, string> = {};
  readonly upload = { addEventListener: () => undefined };
  readonly listeners = new Map<string, () => void>();
  status = 200;
  responseText = JSON.stringify({ ok: true, value: storedApk });
  url = '';
  constructor() {
    FakeXhr.made.push(this);
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  addEventListener(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  send() {
    this.listeners.get('load')?.();
  }
}

function ipcAnswering(result: Awaited<ReturnType<Bridge['invoke']>>) {
  const asked: string[] = [];
  const bridge: Bridge = { invoke: async (channel) => (asked.push(channel), result), on: () => () => undefined };
  return { ipc: new IpcClient(bridge), asked };
}

const target = { origin: 'http://127.0.0.1:5180', token: 'host-token' };
const file = new File([new Uint8Array(10)], 'safety.apk');
const realXhr = globalThis.XMLHttpRequest;
afterEach(() => {
  globalThis.XMLHttpRequest = realXhr;
  FakeXhr.made = [];
});

describe('createPackageUploader', () => {
  it('asks main for a ticket first and sends it with the upload', async () => {
    globalThis.XMLHttpRequest = FakeXhr as never;
    const { ipc, asked } = ipcAnswering({ ok: true, value: { ticket: TICKET, expires_at: '2026-03-01T09:01:00.000Z' } });
    expect(await createPackageUploader(ipc, target)('apk', file, () => undefined)).toEqual({ ok: true, file: storedApk });
    expect(asked).toEqual(['packages:upload-ticket']);
    expect(FakeXhr.made[0]?.headers).toMatchObject({ 'X-Outpost-Upload-Ticket': TICKET, Authorization: 'Bearer host-token' });
  });

  it('answers FORBIDDEN without uploading when main gives no ticket (no instructor session)', async () => {
    globalThis.XMLHttpRequest = FakeXhr as never;
    const { ipc } = ipcAnswering({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED', message: 'packages:upload-ticket: an instructor must sign in first' } });
    expect(await createPackageUploader(ipc, target)('apk', file, () => undefined)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'INSTRUCTOR_REQUIRED: packages:upload-ticket: an instructor must sign in first',
    });
    expect(FakeXhr.made).toEqual([]);
  });
});
