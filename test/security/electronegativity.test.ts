import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * @doyensec/electronegativity over the app's sources (main/ and renderer/), offline. No finding may stand
 * unless it is justified:
 * - beside the code, with the tool's own comment on the flagged line, followed by the reason:
 *   `// eng-disable PRELOAD_JS_CHECK: <why this is safe>` (the tool then skips it; this test checks every
 *   such comment names a known check and gives a reason, and lists them all below, so a new one is seen);
 * - or, for the tool's global checks that point at no line ("N/A"), in GLOBAL_JUSTIFIED below.
 * Both lists are repeated in docs/security.md ("Hardening tests").
 */
const GLOBAL_JUSTIFIED: Record<string, string> = {
  CSP_GLOBAL_CHECK:
    'The CSP is a response header set by our own scheme handlers (app://, scorm://) and by serve, not a <meta> tag or a webRequest hook the tool can see; test/security/csp-everywhere.test.ts checks that every answer carries one.',
};

/** Every inline eng-disable in the sources, by file and check. */
const INLINE_JUSTIFIED = [
  { file: 'main/app/main-window.ts', check: 'PRELOAD_JS_CHECK' },
  { file: 'main/app/shell-hardening.ts', check: 'OPEN_EXTERNAL_JS_CHECK' },
];

const exec = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
interface Finding {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly manualReview: boolean;
  readonly severity: string | null;
}
interface Scan {
  readonly issues: readonly Finding[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'electronegativity-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function scan(folder: string): Promise<Scan> {
  const electron = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', join(root, 'test', 'security', 'electronegativity-runner.ts'), folder, electron.version], {
    cwd: root,
    env: { ...process.env, LANG: 'en-US' },
    timeout: 90_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Scan;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx|js|html)$/.test(e.name) && !e.parentPath.includes('node_modules')).map((e) => join(e.parentPath, e.name));
}

describe('electronegativity', { timeout: 120_000 }, () => {
  it('finds nothing in main/ and renderer/ beyond the justified', async () => {
    const target = join(work, 'app');
    await mkdir(target);
    // A copy, so the scan sees exactly the app's sources (no build output, no node_modules).
    await cp(join(root, 'main'), join(target, 'main'), { recursive: true });
    await cp(join(root, 'renderer'), join(target, 'renderer'), { recursive: true, filter: (src) => !src.includes('node_modules') });
    const result = await scan(target);
    expect(result.errors.filter((e) => !e.tolerable), 'files the tool could not parse hide their findings').toEqual([]);
    const unjustified = result.issues.filter((issue) => !(issue.file === 'N/A' && issue.id in GLOBAL_JUSTIFIED));
    expect(unjustified).toEqual([]);
  });

  it('every inline eng-disable names a check, gives a reason, and is on the list', async () => {
    const found: { file: string; check: string }[] = [];
    for (const file of [...(await sourceFiles(join(root, 'main'))), ...(await sourceFiles(join(root, 'renderer')))]) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/eng-disable[ \t]+([A-Z_ ,\t]+?)(?::\s*(.*))?$/gm)) {
        const reason = match[2] ?? '';
        expect(reason.length, `${relative(root, file)}: eng-disable needs a reason after a colon`).toBeGreaterThanOrEqual(20);
        for (const check of (match[1] ?? '').split(/[\s,]+/).filter(Boolean)) found.push({ file: relative(root, file), check });
      }
    }
    expect(found.sort((a, b) => a.file.localeCompare(b.file))).toEqual(INLINE_JUSTIFIED);
  });

  it('still finds what it should (so a scan that parses nothing cannot pass): no isolation, no sandbox, an unchecked openExternal', async () => {
    const target = join(work, 'canary');
    await mkdir(target);
    await writeFile(
      join(target, 'main.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'export function open(url: string): void {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        '  win.webContents.setWindowOpenHandler(({ url: next }) => { void shell.openExternal(next); return { action: "deny" }; });',
        '  void win.loadURL(url);',
        '}',
      ].join('\n'),
    );
    const ids = new Set((await scan(target)).issues.map((issue) => issue.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'AUXCLICK_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) expect(ids, id).toContain(id);
  });
});
