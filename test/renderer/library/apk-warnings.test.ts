import { describe, expect, it } from 'vitest';
import { apkWarningTexts } from '../../../renderer/src/library/apk-warnings';
import { resources } from '../../../renderer/src/i18n/i18n';
import { UI_LOCALES } from '../../../shared/i18n/locales';

describe('apkWarningTexts', () => {
  it('puts main’s import warnings into words, naming the ABIs the native code is for', () => {
    expect(apkWarningTexts({ warnings: ['NO_LAUNCHER_ACTIVITY'], native_abis: [] })).toEqual([{ kind: 'noLauncher' }]);
    expect(apkWarningTexts({ warnings: ['NO_ARM64_CODE', 'NO_LAUNCHER_ACTIVITY'], native_abis: ['armeabi-v7a', 'x86'] })).toEqual([{ kind: 'noLauncher' }, { kind: 'noArm64', abis: 'armeabi-v7a, x86' }]);
  });

  it('says nothing for a clean APK or a record stored before warnings existed', () => {
    expect(apkWarningTexts({ warnings: [], native_abis: ['arm64-v8a'] })).toEqual([]);
    expect(apkWarningTexts({})).toEqual([]);
  });

  it.each([...UI_LOCALES])('has a sentence for each warning in %s', (locale) => {
    const warnings = (resources[locale].translation as { library: { import: { warnings: Record<string, string> } } }).library.import.warnings;
    for (const kind of ['title', 'noLauncher', 'noArm64']) expect(warnings[kind]).toMatch(locale === 'en' ? /\w/ : /\p{Script=Han}/u);
    expect(warnings.noArm64).toContain('{{abis}}');
  });
});
