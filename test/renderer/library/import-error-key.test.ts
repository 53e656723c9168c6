import { describe, expect, it } from 'vitest';
import { importErrorKey } from '../../../renderer/src/library/import-error-key';
import { resources } from '../../../renderer/src/i18n/i18n';

describe('importErrorKey', () => {
  it('gives every upload refusal a sentence in the library’s import texts', () => {
    const texts = resources.en.translation.library.import.errors as Record<string, string>;
    for (const code of ['NOT_AN_APK', 'TOO_LARGE', 'EMPTY', 'BAD_NAME', 'WRITE_FAILED', 'FORBIDDEN', 'NETWORK', 'BAD_RESPONSE'] as const) {
      expect(texts[importErrorKey(code)], code).toContain('{{file}}');
    }
    expect(importErrorKey('NOT_AN_APK')).toBe('notAnApk');
  });
});
