import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdbkitHeadsetBridge, toState } from '../../../../main/services/headsets/adbkit-headset-bridge';
import type { AttachedDevice } from '../../../../main/services/headsets/headset-bridge';
import { HeadsetService } from '../../../../main/services/headsets/headset-service';
import type { Headset } from '../../../../shared/headsets/headset';

// A USB headset this computer may not open (Linux without udev rules) exists only in the host adb
// server's list; an emulated headset reached over TCP can never be in that state. So this feeds the
// adb server's own words through a stand-in for its host protocol (host:devices, host:track-devices:
// OKAY, then 4-hex-digit length-prefixed lists) into the real client library and our tracking.

const NO_PERMISSIONS = 'no permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html]';

let list = '';
const trackers = new Set<Socket>();
let server: Server;

const frame = (text: string) => `${Buffer.byteLength(text).toString(16).padStart(4, '0')}${text}`;

function setList(devices: ReadonlyArray<readonly [string, string]>): void {
  list = devices.map(([serial, type]) => `${serial}\t${type}\n`).join('');
  for (const socket of trackers) socket.write(frame(list));
}

beforeAll(async () => {
  server = createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('close', () => trackers.delete(socket));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const length = Number.parseInt(buffered.subarray(0, 4).toString('ascii'), 16);
      if (buffered.length < 4 + length) return;
      const request = buffered.subarray(4, 4 + length).toString('ascii');
      buffered = buffered.subarray(4 + length);
      if (request === 'host:track-devices') {
        trackers.add(socket);
        socket.write(`OKAY${frame(list)}`);
      } else if (request === 'host:devices') {
        socket.end(`OKAY${frame(list)}`);
      } else {
        // Anything aimed at a device (describe) fails, as it would for a device we may not open.
        socket.end(`FAIL${frame('device still authorizing')}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const socket of trackers) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('device tracking: what the adb server says about each device', () => {
  it('maps the adb server’s states, the long "no permissions" one included', () => {
    expect(toState('device')).toBe('device');
    expect(toState('unauthorized')).toBe('unauthorized');
    expect(toState('offline')).toBe('offline');
    expect(toState(NO_PERMISSIONS)).toBe('no_permissions');
    expect(toState('no permissions (user alice is not in the plugdev group); see [http://developer.android.com/tools/device.html]')).toBe('no_permissions');
    expect(toState('bootloader')).toBe('offline');
    expect(toState('no permission'.padEnd(60_000, '?'))).toBe('offline');
  });

  it('lists a USB headset without permissions as such, and follows it when the rules are fixed', async () => {
    setList([
      ['1WMHH815K10234', NO_PERMISSIONS],
      ['2G0YC5ZF9F0123', 'unauthorized'],
    ]);
    const port = (server.address() as AddressInfo).port;
    const bridge = new AdbkitHeadsetBridge({ host: '127.0.0.1', port, adbPath: '/nonexistent/adb' });
    const published: Headset[][] = [];
    const service = new HeadsetService({ bridge, now: () => new Date('2026-03-02T08:00:00.000Z'), onChange: (h) => published.push(h), log: () => undefined });
    const seen: AttachedDevice[][] = [];
    const stopTracking = await bridge.track((devices) => seen.push([...devices]), undefined, 50);
    await service.start();
    try {
      const expected = [
        { serial: '1WMHH815K10234', state: 'no_permissions' },
        { serial: '2G0YC5ZF9F0123', state: 'unauthorized' },
      ];
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(expected));
      // The headset list every window receives carries it, valid against the shared schema.
      await vi.waitFor(() => expect(service.list().map((h) => [h.serial, h.state])).toEqual(expected.map((d) => [d.serial, d.state])));

      // udev rules installed, cable replugged: the same serial comes back as waiting for permission.
      setList([
        ['1WMHH815K10234', 'unauthorized'],
        ['2G0YC5ZF9F0123', 'offline'],
      ]);
      await vi.waitFor(() => expect(service.list().map((h) => h.state)).toEqual(['unauthorized', 'offline']));
      expect(published.some((headsets) => headsets.some((h) => h.state === 'no_permissions'))).toBe(true);
    } finally {
      stopTracking();
      service.stop();
    }
  });
});
