import { readFileSync } from 'node:fs';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';

/**
 * The reference server in its own process for the Chromium sync benchmark (so its synchronous SQLite does
 * not share an event loop with the remote client and the latency shim), answering "count" messages on
 * the IPC channel with what it holds: how many records of each kind, to count duplicates.
 * `node --import tsx reference-child.ts <data-dir> <seed.json>`.
 */
const [dataDir, seedFile] = process.argv.slice(2);
if (!dataDir || !seedFile) throw new Error('usage: reference-child.ts <data-dir> <seed.json>');
const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as CatalogSeed;
const server = await startReferenceServer({ dataDir, seed });
const deviceToken = server.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 86_400 });
process.on('message', (message: { id: number }) => {
  const { inspect } = server;
  process.send?.({
    id: message.id,
    counts: {
      vr_sessions: inspect.vrSessions().length,
      vr_sessions_completed: inspect.vrSessions().filter((s) => s.status === 'completed').length,
      xapi_statements: inspect.xapiStatements().length,
      scorm_sessions: inspect.scormSessions().length,
      lesson_plays: inspect.lessonPlays().length,
      errors: inspect.errors().length,
    },
  });
});
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
process.send?.({ ready: { url: server.url, device_token: deviceToken } });
