import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createMainServices, defaultAdbConfig } from '../app/main-services';
import { FileSecretStore } from '../services/remote/secret-store';
import { defaultRendererDir, startServeHost } from './serve-host';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OUTPOST_PORT ?? '5180' },
    'data-dir': { type: 'string', default: process.env.OUTPOST_DATA_DIR ?? join(homedir(), '.outpost') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
  process.exit(2);
}
const rendererDir = defaultRendererDir(repoRoot);
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`The renderer is not built (${rendererDir}); run "npm run build:renderer" first.`);
  process.exit(2);
}

const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
const services = createMainServices({
  dataDir: values['data-dir'],
  appInfo: { name: pkg.productName, version: pkg.version, host: 'serve', platform: platform() },
  now: () => new Date(),
  log: (message, error) => console.error(message, error),
  adb: defaultAdbConfig(),
  secrets: new FileSecretStore(join(values['data-dir'], 'remote-token.json')),
});
void services.startHeadsets().then((status) => {
  if (!status.ok) console.error(`Headsets unavailable: ${status.message}`);
});
const host = await startServeHost({ services, rendererDir, port });
console.log(`Outpost is running (data in ${values['data-dir']}).`);
console.log(`Open ${host.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    services.stop();
    void host.close().then(() => process.exit(0));
  });
}
