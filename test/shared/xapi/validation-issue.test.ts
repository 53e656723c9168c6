import { describe, expect, it } from 'vitest';
import { childPath } from '../../../shared/xapi/validation-issue';

describe('childPath', () => {
  it('joins identifiers and indices with dots', () => {
    expect(childPath('', 'actor')).toBe('actor');
    expect(childPath('actor', 'member')).toBe('actor.member');
    expect(childPath('actor.member', 0)).toBe('actor.member.0');
    expect(childPath('', 0)).toBe('0');
  });

  it('brackets keys that are not identifiers', () => {
    expect(childPath('verb.display', 'en-US')).toBe('verb.display["en-US"]');
    expect(childPath('result.extensions', 'http://x.example/a.b')).toBe('result.extensions["http://x.example/a.b"]');
  });
});
