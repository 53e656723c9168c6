import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CatalogSeed } from './catalog-seed';
import { startReferenceServer } from './server';

/**
 * Runs the reference server as its own process (for the crash test, which kills it with SIGKILL, and for
 * the sync benchmark): `tsx test/reference-server/cli.ts --data-dir DIR [--port N] [--seed-file F.json]`.
 * Prints one JSON line, {url, port, tokens: {userId: token}, device_token} with a token for every roster
 * learner and an admin token a kiosk syncs with, once it is listening.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' }, 'seed-file': { type: 'string' } } });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const seedFile = values['seed-file'];
  const seed = seedFile ? (JSON.parse(readFileSync(seedFile, 'utf8')) as CatalogSeed) : undefined;
  const server = await startReferenceServer({ dataDir, port: Number(values.port), ...(seed ? { seed } : {}) });
  const tokens = Object.fromEntries(server.seed.learners.map((learner) => [learner.id, server.tokens.issue(learner.id, { ttlSeconds: 86_400 })]));
  const device_token = server.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 86_400 });
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, tokens, device_token })}\n`);
  const shutdown = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
