import { describe, expect, it } from 'vitest';
import { A_CNXN, A_VERSION, A_WRTE, MAX_PAYLOAD, PacketFormatError, PacketParser, encodePacket } from './packet';

describe('ADB packets', () => {
  it('encodes the 24-byte header with checksum and magic', () => {
    const bytes = encodePacket({ command: A_CNXN, arg0: A_VERSION, arg1: MAX_PAYLOAD, payload: Buffer.from('host::\0') });
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('CNXN');
    expect(bytes.readUInt32LE(4)).toBe(0x01000001);
    expect(bytes.readUInt32LE(8)).toBe(1024 * 1024);
    expect(bytes.readUInt32LE(12)).toBe(7);
    expect(bytes.readUInt32LE(16)).toBe([...Buffer.from('host::\0')].reduce((a, b) => a + b, 0));
    expect(bytes.readUInt32LE(20)).toBe((A_CNXN ^ 0xffffffff) >>> 0);
  });

  it('reassembles packets split at any byte boundary', () => {
    const stream = Buffer.concat([
      encodePacket({ command: A_WRTE, arg0: 1, arg1: 2, payload: Buffer.alloc(5000, 7) }),
      encodePacket({ command: A_WRTE, arg0: 3, arg1: 4, payload: Buffer.alloc(0) }),
    ]);
    const parser = new PacketParser();
    const seen = [];
    for (let i = 0; i < stream.length; i += 333) seen.push(...parser.push(stream.subarray(i, i + 333)));
    expect(seen.map((p) => [p.arg0, p.arg1, p.payload.length])).toEqual([
      [1, 2, 5000],
      [3, 4, 0],
    ]);
  });

  it('rejects a header whose magic does not match', () => {
    const bytes = encodePacket({ command: A_WRTE, arg0: 1, arg1: 2, payload: Buffer.alloc(0) });
    bytes.writeUInt32LE(0, 20);
    expect(() => new PacketParser().push(bytes)).toThrow(PacketFormatError);
  });
});
