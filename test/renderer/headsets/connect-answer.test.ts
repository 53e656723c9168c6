import { describe, expect, it } from 'vitest';
import { readConnectAnswer } from '../../../renderer/src/headsets/connect-answer';

describe('reading adb’s answer to adb connect', () => {
  // Answers of Debian's adb 29.0.6 (recorded here) and of newer platform tools, as printed.
  it.each([
    ['connected to 192.168.1.23:5555', 'connected'],
    ['already connected to 192.168.1.23:5555', 'already_connected'],
    ["failed to connect to '192.168.1.23:5555': Connection refused", 'refused'],
    ['failed to connect to 127.0.0.1:1', 'refused'],
    ["failed to connect to '10.9.9.9:5555': No route to host", 'unreachable'],
    ["failed to connect to '10.9.9.9:5555': Network is unreachable", 'unreachable'],
    ["failed to connect to '10.9.9.9:5555': Connection timed out", 'no_answer'],
    ['The headset stopped answering: no answer to adb connect 10.9.9.9:5555 within 30 s', 'no_answer'],
    ["failed to resolve host: 'quest-7.local': Name or service not known", 'unresolved'],
    ['failed to authenticate to 192.168.1.23:5555', 'unauthorized'],
    ['something adb has never said', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (text, answer) => {
    expect(readConnectAnswer(text)).toBe(answer);
  });

  it('reads only the first line of the first 500 characters', () => {
    expect(readConnectAnswer(`connected to x\n${'failed to authenticate '.repeat(10_000)}`)).toBe('connected');
    expect(readConnectAnswer(`${' '.repeat(600)}Connection refused`)).toBe('unknown');
  });
});
