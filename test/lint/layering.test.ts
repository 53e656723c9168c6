import { describe, expect, it } from 'vitest';
import { untypedEslint } from './untyped-eslint';

const eslint = untypedEslint();

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint-enforced layering', () => {
  it('allows electron in the shell only', async () => {
    const code = "import { app } from 'electron';\nexport const name = app.getName();\n";
    expect(await messagesFor(code, 'main/app/example.ts')).toEqual([]);
    expect(await messagesFor(code, 'main/services/example.ts')).toEqual([expect.stringMatching(/thin shell/)]);
    expect(await messagesFor(code, 'renderer/src/example.ts')).toEqual([expect.stringMatching(/thin shell/)]);
  });

  it('keeps Node out of the renderer and shared', async () => {
    const code = "import { readFile } from 'node:fs/promises';\nexport { readFile };\n";
    expect(await messagesFor(code, 'renderer/src/example.ts')).toEqual([expect.stringMatching(/sandboxed/)]);
    expect(await messagesFor(code, 'shared/example.ts')).toEqual([expect.stringMatching(/pure TypeScript/)]);
    expect(await messagesFor(code, 'main/services/example.ts')).toEqual([]);
  });

  it('refuses default exports and untranslated JSX text', async () => {
    expect(await messagesFor('export default 1;\n', 'shared/example.ts')).toEqual([expect.stringMatching(/Named exports only/)]);
    const jsx = 'export function A() {\n  return <p title="Hello">Hello there</p>;\n}\n';
    const messages = await messagesFor(jsx, 'renderer/src/example.tsx');
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(/goes through i18n/);
  });
});
