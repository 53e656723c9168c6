import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../renderer/src/bridge/bridge';
import { IpcClient } from '../../../renderer/src/bridge/ipc-client';
import { createRemoteStatusPorts } from '../../../renderer/src/sync/ipc-remote-status';
import type { RemoteStatus } from '../../../shared/sync/remote-contract';

const online: RemoteStatus = { configured: true, reachable: true, signed_in: true, checked_at: '2026-03-02T09:00:00.000Z' };

describe('createRemoteStatusPorts', () => {
  it("asks main with 'remote:status' and follows its pushed changes", async () => {
    const asked: unknown[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    const bridge: Bridge = {
      invoke: async (channel, payload) => {
        asked.push([channel, payload]);
        return { ok: true, value: online };
      },
      on: (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    };
    const ports = createRemoteStatusPorts(new IpcClient(bridge));
    expect(await ports.checkRemote(true)).toEqual(online);
    expect(asked).toEqual([['remote:status', { refresh: true }]]);

    const seen: RemoteStatus[] = [];
    const off = ports.onRemoteStatus((status) => seen.push(status));
    listeners.get('remote:status')?.({ ...online, signed_in: false });
    expect(seen).toEqual([{ ...online, signed_in: false }]);
    off();
    expect(listeners.has('remote:status')).toBe(false);
  });

  it('throws when main cannot answer, so the scheduler keeps what it knew', async () => {
    const bridge: Bridge = { invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'boom' } }), on: () => () => undefined };
    await expect(createRemoteStatusPorts(new IpcClient(bridge)).checkRemote(false)).rejects.toThrow('INTERNAL: boom');
  });
});
