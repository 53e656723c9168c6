import { parseArgs } from 'node:util';
import { startReferenceServer } from './server';

/**
 * Runs the reference server as its own process (for the crash test, which kills it with SIGKILL, and for
 * the sync benchmark): `tsx test/reference-server/cli.ts --data-dir DIR [--port N]`. Prints one JSON line,
 * {url, port, tokens: {userId: token}} with a token for every roster learner, once it is listening.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } } });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const server = await startReferenceServer({ dataDir, port: Number(values.port) });
  const tokens = Object.fromEntries(server.seed.learners.map((learner) => [learner.id, server.tokens.issue(learner.id, { ttlSeconds: 86_400 })]));
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, tokens })}\n`);
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
