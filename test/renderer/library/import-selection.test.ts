import { describe, expect, it } from 'vitest';
import { selectImportFiles } from '../../../renderer/src/library/import-selection';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('selectImportFiles', () => {
  it('takes one APK with its OBBs, whatever the case of the extension', () => {
    const files = named('main.7.org.example.safety.obb', 'Safety.APK', 'patch.7.org.example.safety.obb');
    expect(selectImportFiles(files)).toEqual({ ok: true, apk: files[1], obbs: [files[0], files[2]] });
  });

  it('refuses the whole drop when it is not exactly one app', () => {
    expect(selectImportFiles(named('a.apk', 'b.apk'))).toEqual({ ok: false, problem: 'severalApks', names: ['a.apk', 'b.apk'] });
    expect(selectImportFiles(named('main.obb'))).toEqual({ ok: false, problem: 'noApk', names: ['main.obb'] });
    expect(selectImportFiles(named('a.apk', 'notes.pdf', 'apk'))).toEqual({ ok: false, problem: 'unsupported', names: ['notes.pdf', 'apk'] });
  });
});
