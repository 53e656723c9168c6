import { describe, expect, it } from 'vitest';
import { checkWifiTarget } from '../../../renderer/src/headsets/wifi-target';

describe('checkWifiTarget', () => {
  it('accepts an address or host name with a port', () => {
    expect(checkWifiTarget(' 192.168.1.23 ', '5555')).toEqual({ ok: true, value: { host: '192.168.1.23', port: 5555 } });
    expect(checkWifiTarget('quest-07.classroom.lan', '5556')).toEqual({ ok: true, value: { host: 'quest-07.classroom.lan', port: 5556 } });
  });

  it('names what is wrong with each field', () => {
    expect(checkWifiTarget('', '5555')).toEqual({ ok: false, errors: { host: 'hostRequired' } });
    expect(checkWifiTarget('192.168.1.23:5555', '0')).toEqual({ ok: false, errors: { host: 'hostInvalid', port: 'portRange' } });
    expect(checkWifiTarget('10.0.0.2', '70000')).toEqual({ ok: false, errors: { port: 'portRange' } });
    expect(checkWifiTarget('10.0.0.2', '55a')).toEqual({ ok: false, errors: { port: 'portRange' } });
  });
});
