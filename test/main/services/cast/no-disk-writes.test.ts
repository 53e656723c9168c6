import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Casting records nothing (docs/cast.md, "Privacy"): pictures live in main's memory and in the wall's
// decoders, never on the kiosk's disk or in the browser's storage. This reads the casting code and refuses
// any way it could write: file-system writers and Node modules that can write in main, storage, downloads,
// recorders and database writes in the renderer. An import it does not know is refused too, so a new one
// is looked at before it ships.

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(dir, name));
}

interface ImportUse {
  readonly from: string;
  /** Names imported (`default` for a default import, `*` for a namespace one). */
  readonly names: readonly string[];
  readonly typeOnly: boolean;
}

function importsOf(source: string): ImportUse[] {
  const out: ImportUse[] = [];
  for (const match of source.matchAll(/import\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    const clause = match[2]!;
    const names: string[] = [];
    const braces = /\{([\s\S]*)\}/.exec(clause);
    if (braces) for (const part of braces[1]!.split(',')) if (part.trim()) names.push(part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!);
    if (/\*\s+as\s+/.test(clause)) names.push('*');
    if (/^[A-Za-z_$][\w$]*/.test(clause.replace(/^type\s+/, '')) && !clause.trim().startsWith('{') && !clause.trim().startsWith('*')) names.push('default');
    out.push({ from: match[3]!, names, typeOnly: match[1] !== undefined });
  }
  for (const match of source.matchAll(/(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ from: match[1]!, names: ['*'], typeOnly: false });
  for (const match of source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) out.push({ from: match[1]!, names: [], typeOnly: false });
  return out;
}

/** What main's casting code may import: reading the server file, the scrcpy and adb client libraries, its own files. */
function mainViolations(file: string, source: string): string[] {
  const found: string[] = [];
  for (const use of importsOf(source)) {
    if (use.from.startsWith('./') || use.from.startsWith('../../../shared/')) continue;
    if (use.from.startsWith('@yume-chan/')) continue;
    if (use.from === 'node:fs/promises' && use.names.every((name) => name === 'readFile' || name === 'stat')) continue;
    found.push(`${file}: imports ${use.names.join(', ') || '(side effects)'} from ${use.from}`);
  }
  for (const word of ['writeFile', 'appendFile', 'createWriteStream', 'mkdir', 'mkdtemp', 'copyFile', 'rename(', 'process.binding', 'writeHeapSnapshot']) {
    if (source.includes(word)) found.push(`${file}: uses ${word}`);
  }
  return found;
}

/** Reads of the local database the wall needs (names, the learner on a headset); nothing that writes. */
const RENDERER_DATA_READS = new Set(['DataPorts', 'latestJobOn', 'rosterEntries', 'headsetNames', 'listPackagesByTitle']);

function rendererViolations(file: string, source: string): string[] {
  const found: string[] = [];
  for (const use of importsOf(source)) {
    if (/\/data\//.test(use.from)) {
      for (const name of use.names) if (!RENDERER_DATA_READS.has(name)) found.push(`${file}: imports ${name} from ${use.from}`);
    } else if (use.from === 'dexie' || use.from.startsWith('idb')) {
      found.push(`${file}: imports ${use.from}`);
    }
  }
  const writers = [
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'caches.',
    'MediaRecorder',
    'createObjectURL',
    'showSaveFilePicker',
    'navigator.storage',
    'download=',
    '.download',
    // A write on a Dexie table (`db.table.put(`), not a Map's or Set's own methods.
    /\bdb\.[^;]*?\.(put|bulkPut|add|bulkAdd|update|modify|delete|bulkDelete|clear)\(/,
    /\btransaction\(\s*['"]rw/,
  ];
  for (const writer of writers) {
    const hit = typeof writer === 'string' ? source.includes(writer) : writer.test(source);
    if (hit) found.push(`${file}: uses ${String(writer)}`);
  }
  return found;
}

describe('casting writes nothing to disk', () => {
  it("main's casting code has no way to write a file", () => {
    const files = sourcesUnder('main/services/cast');
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.flatMap((file) => mainViolations(relative(ROOT, join(ROOT, file)), readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('the wall stores nothing in the browser and does not write the local database', () => {
    const files = [...sourcesUnder('renderer/src/cast'), 'renderer/src/pages/cast-page.tsx'];
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.flatMap((file) => rendererViolations(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('the checks catch the writes they look for', () => {
    expect(mainViolations('a.ts', "import { writeFile } from 'node:fs/promises';")).toHaveLength(2);
    expect(mainViolations('a.ts', "import { readFile, open } from 'node:fs/promises';")).toEqual(["a.ts: imports readFile, open from node:fs/promises"]);
    expect(mainViolations('a.ts', "import * as fs from 'node:fs';")).toEqual(['a.ts: imports * from node:fs']);
    expect(mainViolations('a.ts', "import fs from 'fs';")).toEqual(['a.ts: imports default from fs']);
    expect(mainViolations('a.ts', "const cp = require('node:child_process');")).toEqual(['a.ts: imports * from node:child_process']);
    expect(mainViolations('a.ts', "const m = await import('node:fs');")).toEqual(['a.ts: imports * from node:fs']);
    expect(mainViolations('a.ts', "import { readFile, stat } from 'node:fs/promises';\nimport { AdbScrcpyClient } from '@yume-chan/adb-scrcpy';")).toEqual([]);
    expect(rendererViolations('a.ts', "import { putJob } from '../data/headset-jobs';")).toEqual(['a.ts: imports putJob from ../data/headset-jobs']);
    expect(rendererViolations('a.ts', 'const r = new MediaRecorder(stream);')).toHaveLength(1);
    expect(rendererViolations('a.ts', "await ports.db.vrSessions.put(row);")).toHaveLength(1);
    expect(rendererViolations('a.ts', "await db.headsetJobs.where('serial').equals(s).delete();")).toHaveLength(1);
    expect(rendererViolations('a.ts', 'slots.delete(serial); kinds.add(kind);')).toEqual([]);
    expect(rendererViolations('a.ts', "localStorage.setItem('frame', data);")).toHaveLength(1);
    expect(rendererViolations('a.ts', "import { latestJobOn } from '../data/headset-queries';\nawait ports.db.vrSessions.get(id);")).toEqual([]);
  });
});
