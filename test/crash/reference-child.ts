import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';

/**
 * The reference server in its own process for the crash tests, behind a small loopback relay that holds
 * every answer for `--answer-delay-ms` after the server has written it: a kill in that time lands after the
 * remote applied a write and before the kiosk recorded the answer, the case idempotency keys are for.
 * `--slow-ms N` delays every request before the server handles it (the server's own `slow` fault), so a
 * kill can also land before the write. The relay listens on `--port` (fixed, so restarting keeps the
 * address the kiosk was given); the server behind it on any port. Tokens are stored with the data, so one
 * issued before a restart works after it. Prints one JSON line, {url, port, device_token}, once it listens,
 * and on SIGTERM one more, {requests, replayed}: how many requests it relayed and how many writes the server
 * answered from its idempotency store (resends of a write it had already applied).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'seed-file': { type: 'string' },
      'slow-ms': { type: 'string', default: '0' },
      'answer-delay-ms': { type: 'string', default: '0' },
    },
  });
  const dataDir = values['data-dir'];
  const seedFile = values['seed-file'];
  if (!dataDir || !seedFile) throw new Error('--data-dir and --seed-file are required');
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as CatalogSeed;
  const server = await startReferenceServer({ dataDir, port: 0, seed });
  const slowMs = Number(values['slow-ms']);
  if (slowMs > 0) server.faults.slow(slowMs);
  const answerDelayMs = Number(values['answer-delay-ms']);
  const target = new URL(server.url);

  // Writes answered from the idempotency store: resends of a write the server had already applied.
  const counts = { requests: 0, replayed: 0 };
  const relay = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    counts.requests += 1;
    const headers = { ...incoming.headers, host: target.host };
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (answer.headers['idempotent-replayed'] === 'true') counts.replayed += 1;
        setTimeout(() => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(Buffer.concat(chunks));
        }, answerDelayMs);
      });
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(Number(values.port), '127.0.0.1', () => resolve());
  });
  const { port } = relay.address() as AddressInfo;
  const device_token = server.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 86_400 });
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, port, device_token })}\n`);
  const shutdown = () => {
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    relay.closeAllConnections();
    relay.close();
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
