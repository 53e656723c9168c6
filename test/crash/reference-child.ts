import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';

/**
 * The reference server in its own process for the crash tests: like test/reference-server/cli.ts, plus
 * `--slow-ms N`, which delays every request by N ms so a kill can land while a drain or a pull is under
 * way. Prints one JSON line, {url, port, device_token}, once it listens; tokens are stored with the data, so
 * a token issued before a restart still works after it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' }, 'seed-file': { type: 'string' }, 'slow-ms': { type: 'string', default: '0' } },
  });
  const dataDir = values['data-dir'];
  const seedFile = values['seed-file'];
  if (!dataDir || !seedFile) throw new Error('--data-dir and --seed-file are required');
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as CatalogSeed;
  const server = await startReferenceServer({ dataDir, port: Number(values.port), seed });
  const slowMs = Number(values['slow-ms']);
  if (slowMs > 0) server.faults.slow(slowMs);
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, device_token: server.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 86_400 }) })}\n`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
