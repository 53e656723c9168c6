import { Duplex } from 'node:stream';
import type { AdbConnection, AdbStream, StreamService } from './transport';

// `adb reverse` on the device side, the way adbd does it: the host's adb server opens the service
// `reverse:forward:tcp:DEVICE;tcp:HOST` on the transport; from then on, an app connecting to the
// device's localhost:DEVICE makes adbd OPEN a stream to the host named `tcp:HOST`, which the adb server
// connects to its own localhost:HOST. Forwards belong to the link that made them and die with it.

interface ReverseEntry {
  readonly connection: AdbConnection;
  readonly hostSpec: string;
}

const TCP_SPEC = /^tcp:(\d{1,5})$/;

export class ReverseTable {
  readonly #byPort = new Map<number, ReverseEntry>();
  /** Streams apps opened to the host through a reverse port (tests check the tunnel was used). */
  tunnelsOpened = 0;

  list(): Array<{ devicePort: number; hostSpec: string }> {
    return [...this.#byPort].map(([devicePort, entry]) => ({ devicePort, hostSpec: entry.hostSpec }));
  }

  has(devicePort: number): boolean {
    return this.#byPort.has(devicePort);
  }

  /** What the `reverse:` service asked for; returns the text adbd writes back (OKAY or FAIL + reason). */
  handle(request: string, connection: AdbConnection): Buffer {
    if (request === 'killforward-all') {
      for (const [port, entry] of this.#byPort) if (entry.connection === connection) this.#byPort.delete(port);
      return okay();
    }
    if (request === 'list-forward') {
      const lines = this.list().map((r) => `(reverse) tcp:${r.devicePort} ${r.hostSpec}\n`).join('');
      return Buffer.concat([okay(), lengthPrefixed(lines)]);
    }
    if (request.startsWith('killforward:')) {
      const port = portOf(request.slice('killforward:'.length));
      if (port === null || !this.#byPort.delete(port)) return fail(`listener '${request.slice('killforward:'.length)}' not found`);
      return okay();
    }
    if (request.startsWith('forward:')) {
      let spec = request.slice('forward:'.length);
      const noRebind = spec.startsWith('norebind:');
      if (noRebind) spec = spec.slice('norebind:'.length);
      const [device, host] = spec.split(';');
      const port = portOf(device ?? '');
      if (port === null || port === 0 || host === undefined || !TCP_SPEC.test(host)) return fail(`cannot bind listener: bad spec '${spec}'`);
      if (noRebind && this.#byPort.has(port)) return fail('cannot rebind existing socket');
      this.#byPort.set(port, { connection, hostSpec: host });
      connection.onTeardown = () => this.dropConnection(connection);
      return okay();
    }
    return fail(`unknown reverse request '${request}'`);
  }

  dropConnection(connection: AdbConnection): void {
    for (const [port, entry] of this.#byPort) if (entry.connection === connection) this.#byPort.delete(port);
  }

  /**
   * An app on the headset connects to localhost:devicePort. Refused (ECONNREFUSED, like a closed port)
   * when nothing is reversed there; otherwise a socket whose bytes travel over the ADB link.
   */
  async connect(devicePort: number): Promise<Duplex> {
    const entry = this.#byPort.get(devicePort);
    if (!entry) throw Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${devicePort}`), { code: 'ECONNREFUSED' });
    let socket: Duplex | null = null;
    const stream = await entry.connection.openToHost(entry.hostSpec, () => tunnelService(() => socket));
    socket = tunnelSocket(stream);
    this.tunnelsOpened += 1;
    return socket;
  }
}

function tunnelService(socket: () => Duplex | null): StreamService {
  return {
    onData: async (data) => void socket()?.push(data),
    // The transport delivers WRTE through a promise chain but CLSE at once; ending on the next turn lets
    // the bytes that came before the close reach the app first, as adbd's ordered socket does.
    onClose: () => void setImmediate(() => socket()?.push(null)),
  };
}

function tunnelSocket(stream: AdbStream): Duplex {
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      stream.write(chunk).then(() => callback(), callback);
    },
    final(callback) {
      void stream.close().then(() => callback());
    },
    destroy(error, callback) {
      void stream.close();
      callback(error);
    },
  });
  // What node:http asks of a socket; a tunnel has nothing to tune.
  Object.assign(socket, { setNoDelay: () => socket, setKeepAlive: () => socket, setTimeout: () => socket, ref: () => socket, unref: () => socket });
  return socket;
}

function portOf(spec: string): number | null {
  const match = TCP_SPEC.exec(spec);
  if (!match) return null;
  const port = Number(match[1]);
  return port <= 65535 ? port : null;
}

function okay(): Buffer {
  return Buffer.from('OKAY', 'ascii');
}

function lengthPrefixed(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

function fail(message: string): Buffer {
  return Buffer.concat([Buffer.from('FAIL', 'ascii'), lengthPrefixed(message)]);
}
