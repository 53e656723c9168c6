import { describe, expect, it } from 'vitest';
import { untypedEslint } from './untyped-eslint';

const eslint = untypedEslint();

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const tableRead = "import type { OutpostDb } from '../db/outpost-db';\nexport function count(db: OutpostDb) {\n  return db.vrPackages.count();\n}\n";
const transaction = "import type { OutpostDb } from '../db/outpost-db';\nexport function write(db: OutpostDb) {\n  return db.transaction('rw', [], async () => undefined);\n}\n";
const throughData = "import type { OutpostDb } from '../db/outpost-db';\nimport { countPackages } from '../data/vr-package-queries';\nexport function count(db: OutpostDb) {\n  return countPackages(db);\n}\n";

describe('lint: components read and write through renderer/src/data', () => {
  it('refuses a table or a transaction on `db` in a component and in a hook', async () => {
    for (const file of ['renderer/src/pages/example-page.tsx', 'renderer/src/sessions/use-example.ts']) {
      expect(await messagesFor(tableRead, file)).toEqual([expect.stringMatching(/^no-restricted-syntax: Components read and write through renderer\/src\/data/)]);
      expect(await messagesFor(transaction, file)).toEqual([expect.stringMatching(/Components read and write through renderer\/src\/data/)]);
    }
  });

  it('lets components pass the database to the data layer, and lets the data layer use it', async () => {
    expect(await messagesFor(throughData, 'renderer/src/pages/example-page.tsx')).toEqual([]);
    expect(await messagesFor(tableRead, 'renderer/src/data/example.ts')).toEqual([]);
  });

  it('keeps the renderer rules that apply everywhere in components too', async () => {
    expect(await messagesFor('export default 1;\n', 'renderer/src/pages/example-page.tsx')).toEqual([expect.stringMatching(/Named exports only/)]);
  });
});
