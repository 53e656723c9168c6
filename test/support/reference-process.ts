import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CatalogSeed } from '../reference-server/catalog-seed';

export interface ReferenceProcess {
  readonly url: string;
  readonly deviceToken: string;
  stop(): Promise<void>;
}

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'reference-server', 'cli.ts');

/**
 * The reference server in a process of its own, so a benchmark's client and server do not share one
 * event loop (better-sqlite3 is synchronous and would serialise them).
 */
export async function startReferenceProcess(dataDir: string, seed: CatalogSeed): Promise<ReferenceProcess> {
  const seedFile = join(dirname(dataDir), 'seed.json');
  await writeFile(seedFile, JSON.stringify(seed));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, '--seed-file', seedFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  const started = JSON.parse(line) as { url: string; device_token: string };
  return {
    url: started.url,
    deviceToken: started.device_token,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
