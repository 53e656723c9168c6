import { describe, expect, it } from 'vitest';
import { validateAgent, validateAgentOrGroup, validateGroup } from '../../../shared/xapi/validate-agent';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function errorsOf(validate: (errors: XapiValidationErrors) => void): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validate(errors);
  return errors;
}
const agent = (value: unknown): XapiValidationErrors => errorsOf((e) => validateAgent(value, 'actor', e));
const group = (value: unknown): XapiValidationErrors => errorsOf((e) => validateGroup(value, 'actor', e));
const account = { homePage: 'https://outpost.example', name: 'user-1' };

describe('validateAgent', () => {
  it('accepts each of the four identifiers', () => {
    expect(agent({ mbox: 'mailto:ada@example.com' })).toEqual([]);
    expect(agent({ objectType: 'Agent', name: 'Ada', mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' })).toEqual([]);
    expect(agent({ openid: 'http://toby.openid.example.org/' })).toEqual([]);
    expect(agent({ account })).toEqual([]);
  });

  it('requires an identifier', () => {
    expect(agent({ name: 'Ada' })).toEqual([
      { path: 'actor', message: 'Agent must be identified by one of mbox, mbox_sha1sum, openid or account' },
    ]);
  });

  it('refuses two identifiers', () => {
    expect(agent({ mbox: 'mailto:ada@example.com', account })).toEqual([
      { path: 'actor', message: 'Agent must have exactly one inverse functional identifier, found 2 (mbox, account)' },
    ]);
  });

  it('checks each identifier format', () => {
    expect(agent({ mbox: 'ada@example.com' })).toEqual([
      { path: 'actor.mbox', message: 'must be a "mailto:" IRI with one email address' },
    ]);
    expect(agent({ mbox: 'mailto:a@x.com,b@x.com' })).toHaveLength(1);
    expect(agent({ mbox_sha1sum: 'abc' })[0]?.path).toBe('actor.mbox_sha1sum');
    expect(agent({ openid: 'toby' })[0]?.path).toBe('actor.openid');
    expect(agent({ openid: 'http://example.com/ü' })[0]?.message).toBe('must be a URI (ASCII only)');
    expect(agent({ account: { homePage: 'outpost', name: 'u' } })[0]?.path).toBe('actor.account.homePage');
    expect(agent({ account: { homePage: 'https://outpost.example' } })).toEqual([{ path: 'actor.account.name', message: 'is required' }]);
    expect(agent({ account: { ...account, id: 1 } })).toEqual([{ path: 'actor.account.id', message: 'unknown property' }]);
  });

  it('checks objectType and unknown keys', () => {
    expect(agent({ objectType: 'agent', account })[0]?.path).toBe('actor.objectType');
    expect(agent({ account, email: 'x' })).toEqual([{ path: 'actor.email', message: 'unknown property' }]);
    expect(errorsOf((e) => validateAgent({ account }, 'object', e, true))).toEqual([
      { path: 'object.objectType', message: 'is required when an Agent is the object' },
    ]);
  });
});

describe('validateGroup', () => {
  const members = [{ mbox: 'mailto:a@example.com' }, { objectType: 'Agent', account }];

  it('accepts anonymous and identified groups', () => {
    expect(group({ objectType: 'Group', member: members })).toEqual([]);
    expect(group({ objectType: 'Group', name: 'Team', mbox: 'mailto:team@example.com' })).toEqual([]);
    expect(group({ objectType: 'Group', account, member: members })).toEqual([]);
  });

  it('requires member for an anonymous group and one identifier at most', () => {
    expect(group({ objectType: 'Group' })).toEqual([{ path: 'actor.member', message: 'is required for an Anonymous Group' }]);
    expect(group({ objectType: 'Group', mbox: 'mailto:t@example.com', openid: 'http://t.example/' })[0]?.message).toMatch(
      /exactly one inverse functional identifier/,
    );
  });

  it('refuses nested groups and validates members as agents', () => {
    expect(group({ objectType: 'Group', member: [{ objectType: 'Group', member: [] }] })).toEqual([
      { path: 'actor.member.0.objectType', message: 'a Group must not contain Groups' },
    ]);
    expect(group({ objectType: 'Group', member: [{ name: 'nobody' }] })[0]?.path).toBe('actor.member.0');
  });
});

describe('validateAgentOrGroup', () => {
  it('treats an object with member but no objectType as a Group missing its objectType', () => {
    expect(errorsOf((e) => validateAgentOrGroup({ member: [{ account }] }, 'actor', e))).toEqual([
      { path: 'actor.objectType', message: 'is required for a Group' },
    ]);
  });
});
