import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../shared/text/search-key';

describe('searchKey', () => {
  it('ignores accents, case, full-width letters and extra spaces but keeps Chinese as it is', () => {
    expect(searchKey('Zoë')).toBe(searchKey('zoe'));
    expect(searchKey('  José   ÁLVAREZ ')).toBe('jose alvarez');
    expect(searchKey('ＴＯＭ')).toBe('tom');
    expect(searchKey('陳小明')).toBe('陳小明');
    expect(searchKey('Zoë')).not.toBe(searchKey('Zoey'));
  });
});
