import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The renderer under test: OUTPOST_RENDERER_DIR if it holds a build, else a fresh build in a temporary folder. */
export async function benchRendererDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const given = process.env['OUTPOST_RENDERER_DIR'];
  if (given && existsSync(join(given, 'index.html'))) return { dir: resolve(given), cleanup: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, OUTPOST_RENDERER_DIR: dir },
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (built.status !== 0) throw new Error(`renderer build failed: ${built.stderr || built.error?.message || `exit ${built.status}`}`);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
