// ADB transport messages: a 24-byte little-endian header (command, arg0, arg1,
// payload length, payload byte-sum, command ^ 0xffffffff) and an optional payload.

export const A_SYNC = 0x434e5953;
export const A_CNXN = 0x4e584e43;
export const A_AUTH = 0x48545541;
export const A_OPEN = 0x4e45504f;
export const A_OKAY = 0x59414b4f;
export const A_CLSE = 0x45534c43;
export const A_WRTE = 0x45545257;
export const A_STLS = 0x534c5453;

/** Protocol version that lets both sides skip payload checksums (adb >= 1.0.36 / Android 9). */
export const A_VERSION = 0x01000001;
export const A_VERSION_MIN = 0x01000000;

/** Payload limits: 4 KiB for pre-N devices, 1 MiB for everything adb 29 talks to. */
export const MAX_PAYLOAD_V1 = 4 * 1024;
export const MAX_PAYLOAD = 1024 * 1024;

export const AUTH_TOKEN = 1;
export const AUTH_SIGNATURE = 2;
export const AUTH_RSAPUBLICKEY = 3;

export const HEADER_LENGTH = 24;

// Anything larger than this is not a real adb peer; failing fast beats buffering garbage.
const PARSER_PAYLOAD_LIMIT = 16 * 1024 * 1024;

export interface AdbPacket {
  command: number;
  arg0: number;
  arg1: number;
  payload: Buffer;
}

const NAMES = new Map<number, string>([
  [A_SYNC, 'SYNC'],
  [A_CNXN, 'CNXN'],
  [A_AUTH, 'AUTH'],
  [A_OPEN, 'OPEN'],
  [A_OKAY, 'OKAY'],
  [A_CLSE, 'CLSE'],
  [A_WRTE, 'WRTE'],
  [A_STLS, 'STLS'],
]);

export function commandName(command: number): string {
  return NAMES.get(command) ?? `0x${command.toString(16).padStart(8, '0')}`;
}

export function payloadChecksum(payload: Buffer): number {
  let sum = 0;
  for (const byte of payload) sum = (sum + byte) >>> 0;
  return sum;
}

export function encodePacket(packet: AdbPacket): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt32LE(packet.command >>> 0, 0);
  header.writeUInt32LE(packet.arg0 >>> 0, 4);
  header.writeUInt32LE(packet.arg1 >>> 0, 8);
  header.writeUInt32LE(packet.payload.length, 12);
  // adb 29 ignores the sum at A_VERSION, but older hosts verify it, so always fill it in.
  header.writeUInt32LE(payloadChecksum(packet.payload), 16);
  header.writeUInt32LE((packet.command ^ 0xffffffff) >>> 0, 20);
  return packet.payload.length === 0 ? header : Buffer.concat([header, packet.payload]);
}

export class PacketFormatError extends Error {}

/** Incremental decoder: feed socket chunks, get whole packets back. */
export class PacketParser {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): AdbPacket[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const packets: AdbPacket[] = [];
    for (;;) {
      if (this.buffered < HEADER_LENGTH) break;
      const header = this.peek(HEADER_LENGTH);
      const command = header.readUInt32LE(0);
      const magic = header.readUInt32LE(20);
      if (((command ^ 0xffffffff) >>> 0) !== magic) {
        throw new PacketFormatError(`bad magic for ${commandName(command)}`);
      }
      const length = header.readUInt32LE(12);
      if (length > PARSER_PAYLOAD_LIMIT) throw new PacketFormatError(`payload too large: ${length}`);
      if (this.buffered < HEADER_LENGTH + length) break;
      const whole = this.take(HEADER_LENGTH + length);
      packets.push({
        command,
        arg0: header.readUInt32LE(4),
        arg1: header.readUInt32LE(8),
        payload: whole.subarray(HEADER_LENGTH),
      });
    }
    return packets;
  }

  private peek(length: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= length) return first.subarray(0, length);
    this.chunks = [Buffer.concat(this.chunks)];
    return (this.chunks[0] ?? Buffer.alloc(0)).subarray(0, length);
  }

  private take(length: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks);
    const taken = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return taken;
  }
}
