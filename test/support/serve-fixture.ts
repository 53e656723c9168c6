import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainServices } from '../../main/app/main-services';
import { FileSecretStore } from '../../main/services/remote/secret-store';
import type { MainServices } from '../../main/app/main-services';
import { startServeHost } from '../../main/serve/serve-host';
import type { ServerBinarySource } from '../../main/services/cast/server-binary';
import type { ServeHost } from '../../main/serve/serve-host';

export interface ServeFixture {
  readonly host: ServeHost;
  readonly services: MainServices;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real headless host on a free loopback port, with a throw-away data folder. `castServer`: where casting's scrcpy server comes from (default: the stand-in emulated headsets accept).
 */
export async function startServeFixture(rendererDir: string, options: { adbPort?: number; castServer?: ServerBinarySource; lanHost?: string } = {}): Promise<ServeFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'outpost-serve-'));
  const services = createMainServices({
    dataDir,
    appInfo: { name: 'Outpost', version: '0.0.0-test', host: 'serve', platform: process.platform },
    now: () => new Date(),
    log: () => undefined,
    // Without a private adb server of the test's own, point at a closed port so no real adb is touched.
    adb: { adbPath: 'adb', host: '127.0.0.1', port: options.adbPort ?? 1 },
    secrets: new FileSecretStore(join(dataDir, 'remote-token.json')),
    ...(options.castServer ? { castServer: options.castServer } : {}),
  });
  // The LAN listener (docs/scorm-lan.md) stays on loopback in tests: `lanHost`, else 127.0.0.1 all the same.
  const host = await startServeHost({ services, rendererDir, port: 0, lanBind: { host: options.lanHost ?? '127.0.0.1' } });
  return {
    host,
    services,
    dataDir,
    async stop() {
      services.stop();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
