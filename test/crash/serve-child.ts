import { mkdir } from 'node:fs/promises';
import { platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMainServices } from '../../main/app/main-services';
import { startServeHost } from '../../main/serve/serve-host';
import { FileSecretStore } from '../../main/services/remote/secret-store';

/**
 * The headless host as the crash tests run it: its own process (so SIGKILL is a real kill), a fixed data
 * folder, port and IPC token (so the renderer's origin, and with it IndexedDB, is the same after a
 * restart), the renderer from the folder the tests built, and a private adb server's port.
 * `tsx test/crash/serve-child.ts --data-dir D --port P --token T --renderer-dir R [--adb-port N]`
 * prints one JSON line, {url, port, pid}, once it listens. Same services as `npm run serve` (main/serve/cli.ts).
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    'renderer-dir': { type: 'string' },
    'adb-port': { type: 'string', default: '1' },
  },
});

async function main(): Promise<void> {
  const dataDir = values['data-dir'];
  const rendererDir = values['renderer-dir'];
  const port = Number(values.port);
  if (!dataDir || !rendererDir || !values.token || !Number.isInteger(port)) throw new Error('--data-dir, --renderer-dir, --token and --port are required');
  await mkdir(dataDir, { recursive: true });
  const services = createMainServices({
    dataDir,
    appInfo: { name: 'Outpost', version: '0.0.0-crash', host: 'serve', platform: platform() },
    now: () => new Date(),
    log: (message, error) => process.stderr.write(`${message} ${error instanceof Error ? error.message : String(error ?? '')}\n`),
    // Port 1 when the test has no adb server: nothing listens there, so no real adb is touched.
    adb: { adbPath: 'adb', host: '127.0.0.1', port: Number(values['adb-port']) },
    secrets: new FileSecretStore(join(dataDir, 'remote-token.json')),
  });
  const host = await startServeHost({ services, rendererDir, port, token: values.token });
  // Headsets after the host listens, as `npm run serve` does; a test waits for the cart on the page.
  void services.startHeadsets();
  process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, pid: process.pid })}\n`);
  process.once('SIGTERM', () => {
    services.stop();
    void host.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
