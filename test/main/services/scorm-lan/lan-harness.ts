import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ScormLanRequest } from '../../../../shared/scorm/lan-wire';
import { ScormService } from '../../../../main/services/scorm/scorm-service';
import { ScormLanService } from '../../../../main/services/scorm-lan/scorm-lan-service';
import type { ScormLanBind } from '../../../../main/services/scorm-lan/scorm-lan-service';
import type { LanNetwork } from '../../../../main/services/scorm-lan/lan-network';
import { multiSco12Zip } from '../../../support/scorm-packages';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One HTTP request over a real socket to 127.0.0.1:port, naming whatever Host the test wants (fetch will
 * not set Host); `host: null` sends none.
 */
export function call(port: number, method: string, path: string, options: { host?: string | null; headers?: Record<string, string>; body?: string | Buffer | readonly Buffer[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, setHost: false, headers: { ...(host !== null ? { host } : {}), ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (Array.isArray(options.body)) {
      for (const chunk of options.body as readonly Buffer[]) req.write(chunk);
      req.end();
    } else req.end(options.body as string | Buffer | undefined);
  });
}

export const fakeNetwork = (addresses: readonly string[] = ['10.1.2.3'], name = 'kiosk-7'): LanNetwork => ({
  hostname: () => name,
  interfaces: () => ({
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
    eth0: [
      ...addresses.map((address): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', cidr: `${address}/24` })),
      { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: '02:00:00:00:00:01', cidr: 'fe80::1/64', scopeid: 2 },
    ],
  }),
});

export type Responder = (request: ScormLanRequest) => { status: number; body: Record<string, unknown> } | null;

export interface LanHarness {
  readonly dir: string;
  readonly scorm: ScormService;
  readonly lan: ScormLanService;
  readonly packageId: string;
  /** Every request main relayed to the (fake) kiosk window. */
  readonly relayed: ScormLanRequest[];
  /** How the fake window answers; null: it does not answer. */
  respond: Responder;
  clock: Date;
  advance(ms: number): void;
  close(): Promise<void>;
}

export const HANDLE = `dsp_${'ab'.repeat(16)}`;

/** A real ScormService (key, course files) and a LAN service whose kiosk window is a fake that answers at once. */
export async function lanHarness(options: { bind?: ScormLanBind; network?: LanNetwork; timing?: ConstructorParameters<typeof ScormLanService>[0]['timing']; hostPage?: boolean } = {}): Promise<LanHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'scorm-lan-'));
  const renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'scorm-player'), { recursive: true });
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'scorm-player', 'index.html'), '<!doctype html><html><head><script type="module" src="../assets/player.js"></script></head><body></body></html>');
  if (options.hostPage !== false) {
    await mkdir(join(renderer, 'scorm-lan'), { recursive: true });
    await writeFile(join(renderer, 'scorm-lan', 'index.html'), '<!doctype html><html><head><script type="module" src="../assets/lan.js"></script></head><body><iframe id="shell"></iframe></body></html>');
  }
  await writeFile(join(renderer, 'assets', 'player.js'), 'console.log(1)');
  await writeFile(join(renderer, 'assets', 'lan.js'), 'console.log(2)');
  const data = join(dir, 'data');
  await mkdir(data);
  const relayed: ScormLanRequest[] = [];
  const h = {
    dir,
    relayed,
    clock: new Date('2026-03-01T10:00:00Z'),
    respond: (() => null) as Responder,
    advance(ms: number) {
      h.clock = new Date(h.clock.getTime() + ms);
    },
  };
  const now = () => h.clock;
  const scorm = new ScormService({ dataDir: data, now, tickets: { redeem: () => true }, log: () => undefined });
  const packageId = (await scorm.importer.import(Readable.from([await multiSco12Zip()]))).id;
  const lan: ScormLanService = new ScormLanService({
    dataDir: data,
    signer: scorm.signer,
    filesDir: async (id) => ((await scorm.importer.exists(id)) ? scorm.importer.filesDir(id) : null),
    emit: (request) => {
      relayed.push(request);
      const answer = h.respond(request);
      if (answer) setImmediate(() => lan.respond({ id: request.id, ...answer }));
    },
    now,
    log: () => undefined,
    network: options.network ?? fakeNetwork(),
    ...(options.timing ? { timing: options.timing } : {}),
  });
  lan.configureHost({ rendererDir: renderer, bind: options.bind ?? { host: '127.0.0.1', port: 0 } });
  return Object.assign(h, {
    scorm,
    lan,
    packageId,
    async close() {
      await lan.stop();
      await rm(dir, { recursive: true, force: true });
    },
  });
}

/** The config main wrote into the host page's meta tag. */
export function pageConfig(html: string): unknown {
  const content = /<meta name="outpost-lan" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) return null;
  return JSON.parse(content.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))));
}
