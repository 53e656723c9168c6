import { describe, expect, it } from 'vitest';
import { checkApiUrl } from '../../../renderer/src/sync/api-url';

describe('checkApiUrl', () => {
  it('accepts http and https addresses, trimmed', () => {
    expect(checkApiUrl(' https://outpost.example.org ')).toEqual({ ok: true, value: 'https://outpost.example.org' });
    expect(checkApiUrl('http://127.0.0.1:5180')).toEqual({ ok: true, value: 'http://127.0.0.1:5180' });
  });

  it('reads an empty field as "no API"', () => {
    expect(checkApiUrl('   ')).toEqual({ ok: true, value: null });
  });

  it('tells a non-address from a wrong scheme', () => {
    expect(checkApiUrl('outpost.example.org')).toEqual({ ok: false, error: 'invalid' });
    expect(checkApiUrl('ftp://outpost.example.org')).toEqual({ ok: false, error: 'protocol' });
    expect(checkApiUrl('javascript:alert(1)')).toEqual({ ok: false, error: 'protocol' });
  });

  it('explains each address the token must never be sent to', () => {
    expect(checkApiUrl('http://outpost.example.org')).toEqual({ ok: false, error: 'insecure' });
    expect(checkApiUrl('http://192.168.1.10:8080')).toEqual({ ok: false, error: 'insecure' });
    expect(checkApiUrl('https://user:pass@outpost.example.org')).toEqual({ ok: false, error: 'credentials' });
    expect(checkApiUrl('https://outpost.example.org/?x=1')).toEqual({ ok: false, error: 'query' });
    expect(checkApiUrl('https://outpost.example.org/#top')).toEqual({ ok: false, error: 'query' });
    expect(checkApiUrl('http://localhost:5180')).toEqual({ ok: true, value: 'http://localhost:5180' });
  });
});
