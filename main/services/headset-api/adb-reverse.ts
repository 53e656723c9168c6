import * as adbkit from '@devicefarmer/adbkit';
import type { Client } from '@devicefarmer/adbkit';
import { startDeadline } from '../headsets/bounded-command';
import type { TransportConnection } from '../headsets/stream-install';

/** `adb reverse` for one headset: its localhost:port reaches the kiosk's localhost:port. */
export interface ReversePorts {
  reverse(serial: string, devicePort: number, hostPort: number): Promise<void>;
  /** Best effort: a headset that left has dropped its reverse ports already. */
  removeReverse(serial: string, devicePort: number): Promise<void>;
}

const Adb: typeof adbkit.Adb = adbkit.Adb ?? (adbkit as unknown as { default: typeof adbkit }).default.Adb;
const REVERSE_TIMEOUT_MS = 10_000;

function hostRequest(request: string): Buffer {
  const body = Buffer.from(request, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

/** Over the same adb server as the headset bridge (its own client, so no edits to the bridge). */
export class AdbkitReversePorts implements ReversePorts {
  readonly #client: Client;

  constructor(address: { host: string; port: number; adbPath: string }) {
    this.#client = Adb.createClient({ host: address.host, port: address.port, bin: address.adbPath });
    this.#client.on('error', () => undefined);
  }

  async reverse(serial: string, devicePort: number, hostPort: number): Promise<void> {
    const deadline = startDeadline({ timeoutMs: REVERSE_TIMEOUT_MS }, 'adb reverse');
    try {
      await deadline.race(this.#client.getDevice(serial).reverse(`tcp:${devicePort}`, `tcp:${hostPort}`));
    } finally {
      deadline.dispose();
    }
  }

  /** adbkit has no "reverse --remove"; the service is `reverse:killforward:tcp:PORT` (adb's SERVICES.TXT). */
  async removeReverse(serial: string, devicePort: number): Promise<void> {
    const deadline = startDeadline({ timeoutMs: REVERSE_TIMEOUT_MS }, 'adb reverse --remove');
    let connection: TransportConnection | null = null;
    try {
      connection = (await deadline.race(this.#client.getDevice(serial).transport(), (late) => late.end())) as TransportConnection;
      connection.write(hostRequest(`reverse:killforward:tcp:${devicePort}`));
      if ((await deadline.race(connection.parser.readAscii(4))) !== 'OKAY') return;
      const reply = await deadline.race(connection.parser.readAscii(4));
      if (reply === 'FAIL') await deadline.race(connection.parser.readError());
    } finally {
      connection?.end();
      deadline.dispose();
    }
  }
}
