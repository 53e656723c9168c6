import { describe, expect, it } from 'vitest';
import { createAdbPair, readPairAnswer } from '../../../../main/services/headsets/adb-pair';
import { startPrivateAdbServer } from '../../../fakes/quest-adbd';

describe('pairing with a code (adb pair)', () => {
  it.each([
    ['Successfully paired to 192.168.1.23:37099 [guid=adb-2G0YC1ZF8P0B3X-Yl8vdb]', 'paired'],
    ['Failed: Wrong password or connection was dropped.', 'wrong_code'],
    ['adb: unknown command pair', 'adb_too_old'],
    ['Failed: Unable to start pairing client.', 'failed'],
    ['', 'failed'],
  ])('reads %j as %s', (output, outcome) => {
    expect(readPairAnswer(output)).toBe(outcome);
  });

  it('with this machine’s adb (Debian’s 29, which has no pair) says adb is too old, in adb’s words, without a headset', async () => {
    const adb = await startPrivateAdbServer();
    try {
      const result = await createAdbPair({ adbPath: 'adb', host: '127.0.0.1', port: adb.port })('127.0.0.1', 37099, '123456');
      expect(result).toEqual({ outcome: 'adb_too_old', message: expect.stringContaining('unknown command pair') });
    } finally {
      await adb.stop();
    }
  });

  it('an adb that is not installed is a failure with words, not a crash', async () => {
    const result = await createAdbPair({ adbPath: '/nonexistent/adb', host: '127.0.0.1', port: 5037 })('127.0.0.1', 37099, '123456');
    expect(result).toEqual({ outcome: 'failed', message: 'adb was not found (/nonexistent/adb)' });
  });
});
