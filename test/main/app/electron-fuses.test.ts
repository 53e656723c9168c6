import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** The `electronFuses:` block of electron-builder.yml, as key/value pairs (it is flat YAML). */
async function fuses(): Promise<Record<string, string>> {
  const lines = (await readFile(join(root, 'electron-builder.yml'), 'utf8')).split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start).toBeGreaterThan(-1);
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}([A-Za-z0-9]+): (\S+)$/.exec(line);
    if (!match) break;
    block[match[1] ?? ''] = match[2] ?? '';
  }
  return block;
}

describe('electron-builder fuses', () => {
  it('flips the hardening fuses', async () => {
    expect(await fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('uses only option names the installed electron-builder knows', async () => {
    const schema = JSON.parse(await readFile(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      properties: Record<string, unknown>;
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    expect(schema.properties).toHaveProperty('electronFuses');
    for (const name of Object.keys(await fuses())) expect(schema.definitions.FuseOptionsV1.properties).toHaveProperty(name);
  });
});
