import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';
import { SettingsService } from '../../../main/services/settings-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsService', () => {
  it('starts from defaults and persists updates across restarts, owner-only', async () => {
    const changes: Settings[] = [];
    const service = new SettingsService(dir, (s) => changes.push(s));
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    await service.update({ locale: 'zh-Hans', kioskName: 'Room 4' });
    expect(changes).toEqual([{ ...DEFAULT_SETTINGS, locale: 'zh-Hans', kioskName: 'Room 4' }]);

    const reopened = new SettingsService(dir, () => undefined);
    expect(await reopened.get()).toEqual({ ...DEFAULT_SETTINGS, locale: 'zh-Hans', kioskName: 'Room 4' });
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps both of two concurrent updates', async () => {
    const service = new SettingsService(dir, () => undefined);
    await Promise.all([service.update({ locale: 'zh-Hant' }), service.update({ kioskName: 'Cart B' })]);
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Settings;
    expect(onDisk).toEqual({ ...DEFAULT_SETTINGS, locale: 'zh-Hant', kioskName: 'Cart B' });
  });

  it('falls back to defaults when the file was hand-edited into an invalid shape', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ locale: 'klingon' }));
    expect(await new SettingsService(dir, () => undefined).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses an invalid value and leaves the stored settings untouched', async () => {
    const service = new SettingsService(dir, () => undefined);
    await service.update({ kioskName: 'Lab' });
    await expect(service.update({ kioskName: '   ' })).rejects.toThrow();
    expect((await service.get()).kioskName).toBe('Lab');
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ kioskName: 'Lab' });
  });

  it('drops a stored API address that today refuses (plain http to another machine), keeping the rest', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ locale: 'zh-Hant', kioskName: 'Room 4', apiBaseUrl: 'http://api.example.org' }));
    expect(await new SettingsService(dir, () => undefined).get()).toEqual({ ...DEFAULT_SETTINGS, locale: 'zh-Hant', kioskName: 'Room 4', apiBaseUrl: null });
  });
});
