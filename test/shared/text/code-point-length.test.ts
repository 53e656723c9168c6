import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../../shared/text/code-point-length';

describe('codePointLength', () => {
  it('counts a character outside the BMP once, where .length counts two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('a😀b')).toBe(3);
  });

  it('counts plain and CJK text like .length', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('hello')).toBe(5);
    expect(codePointLength('完成了')).toBe(3);
  });

  it('counts each code point of a combined emoji (skin tone modifier is its own code point)', () => {
    expect(codePointLength('👍🏽')).toBe(2);
  });
});
