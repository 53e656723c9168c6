import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../renderer/src/bridge/bridge';
import { IpcClient } from '../../../renderer/src/bridge/ipc-client';
import { createIpcRemotePort } from '../../../renderer/src/sync/ipc-remote-port';
import type { RemoteRequest } from '../../../shared/sync/remote-contract';

/** A bridge standing in for main: records what was asked and answers with `reply`. */
function fakeBridge(reply: (channel: string, payload: unknown) => ReturnType<Bridge['invoke']>) {
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const bridge: Bridge = {
    invoke: (channel, payload) => {
      calls.push({ channel, payload });
      return reply(channel, payload);
    },
    on: () => () => undefined,
  };
  return { ipc: new IpcClient(bridge), calls };
}

const request: RemoteRequest = { method: 'POST', path: '/api/vr-sessions', body: { package_id: 'p' }, idempotency_key: crypto.randomUUID() };

describe('createIpcRemotePort', () => {
  it("sends the request over 'remote:request' and returns main's answer as it is", async () => {
    const { ipc, calls } = fakeBridge(async () => ({ ok: true, value: { kind: 'response', status: 201, body: { session: { id: 'r1' } } } }));
    expect(await createIpcRemotePort(ipc)(request)).toEqual({ kind: 'response', status: 201, body: { session: { id: 'r1' } } });
    expect(calls).toEqual([{ channel: 'remote:request', payload: request }]);
  });

  it('passes timeouts and missing configuration through, for sync to judge', async () => {
    for (const value of [{ kind: 'timeout' }, { kind: 'not_configured' }, { kind: 'network', message: 'ECONNREFUSED' }] as const) {
      const { ipc } = fakeBridge(async () => ({ ok: true, value }));
      expect(await createIpcRemotePort(ipc)(request)).toEqual(value);
    }
  });

  it('turns an IPC error value into a network failure, which sync retries', async () => {
    const { ipc } = fakeBridge(async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'main is restarting' } }));
    expect(await createIpcRemotePort(ipc)(request)).toEqual({ kind: 'network', message: 'UNAVAILABLE: main is restarting' });
  });

  it('turns a failed bridge (socket closed) into a network failure instead of throwing', async () => {
    const { ipc } = fakeBridge(() => Promise.reject(new Error('socket closed')));
    expect(await createIpcRemotePort(ipc)(request)).toEqual({ kind: 'network', message: 'socket closed' });
  });

  it("turns main's refusal to send an operation into a permanent 400 with main's code and reason", async () => {
    const { ipc } = fakeBridge(async () => ({ ok: false, error: { code: 'REMOTE_OPERATION_REFUSED', message: 'GET /admin is not an operation Outpost sends to the API' } }));
    expect(await createIpcRemotePort(ipc)({ method: 'GET', path: '/admin' })).toEqual({
      kind: 'response',
      status: 400,
      body: { code: 'REMOTE_OPERATION_REFUSED', error: 'GET /admin is not an operation Outpost sends to the API' },
    });
  });
});
