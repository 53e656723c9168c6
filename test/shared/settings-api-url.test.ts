import { describe, expect, it } from 'vitest';
import { apiBaseUrlProblem, settingsPatchSchema } from '../../shared/settings';

describe('API address rules', () => {
  it.each([
    'https://api.example.org',
    'https://api.example.org:8443/outpost/',
    'http://localhost:5180',
    'http://127.0.0.1:5180',
    'http://127.9.8.7',
    'http://[::1]:8080',
  ])('accepts %s', (url) => {
    expect(apiBaseUrlProblem(url)).toBeNull();
  });

  it.each([
    ['not a url', 'invalid'],
    ['ftp://api.example.org', 'protocol'],
    ['http://api.example.org', 'insecure'],
    ['http://192.168.1.10:5180', 'insecure'],
    ['http://localhost.evil.example', 'insecure'],
    ['http://127.0.0.1.nip.io', 'insecure'],
    ['https://user:pass@api.example.org', 'credentials'],
    ['https://token@api.example.org', 'credentials'],
    ['https://api.example.org/?x=1', 'query'],
    ['https://api.example.org/?', 'query'],
    ['https://api.example.org/#frag', 'query'],
  ])('refuses %s as %s', (url, problem) => {
    expect(apiBaseUrlProblem(url)).toBe(problem);
  });

  it('is the rule settings:update applies, with a readable message', () => {
    const parsed = settingsPatchSchema.safeParse({ apiBaseUrl: 'http://api.example.org' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^Must use https/);
    expect(settingsPatchSchema.safeParse({ apiBaseUrl: null }).success).toBe(true);
  });
});
