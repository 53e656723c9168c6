import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ByteQueue } from './byte-queue';
import type { DeviceState } from './device-state';
import { ERRNO, FsError, normalizeDevicePath } from './fake-fs';
import type { FileInfo, FileWriter } from './fake-fs';
import { UploadPacer } from './faults';
import type { FaultSwitches } from './faults';
import type { AdbStream, StreamService, TraceEvent } from './transport';

// The "sync:" service (adb push/pull/ls). Requests are an 8-byte id+length
// header and a path; replies mirror adbd's file_sync_service, including the
// FAIL texts adb prints after "remote ".

function syncId(name: string): number {
  return Buffer.from(name, 'latin1').readUInt32LE(0);
}

const ID_STAT = syncId('STAT');
const ID_STA2 = syncId('STA2');
const ID_LST2 = syncId('LST2');
const ID_LIST = syncId('LIST');
const ID_LIS2 = syncId('LIS2');
const ID_DENT = syncId('DENT');
const ID_DNT2 = syncId('DNT2');
const ID_SEND = syncId('SEND');
const ID_RECV = syncId('RECV');
const ID_DONE = syncId('DONE');
const ID_DATA = syncId('DATA');
const ID_OKAY = syncId('OKAY');
const ID_FAIL = syncId('FAIL');
const ID_QUIT = syncId('QUIT');

export const SYNC_DATA_MAX = 64 * 1024;
const MAX_PATH = 1024;

export interface SyncEnvironment {
  state: DeviceState;
  faults: FaultSwitches;
  trace(event: TraceEvent): void;
  dropConnection(reason: string): void;
}

function idName(id: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(id >>> 0, 0);
  return /^[A-Z0-9]{4}$/.test(bytes.toString('latin1')) ? bytes.toString('latin1') : id.toString(16).padStart(8, '0');
}

function header(id: number, value: number): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeUInt32LE(id, 0);
  buf.writeUInt32LE(value >>> 0, 4);
  return buf;
}

function fail(message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  return Buffer.concat([header(ID_FAIL, text.length), text]);
}

function statV1(info: FileInfo | null): Buffer {
  const buf = Buffer.alloc(16);
  buf.writeUInt32LE(ID_STAT, 0);
  if (info !== null) {
    buf.writeUInt32LE(info.mode >>> 0, 4);
    buf.writeUInt32LE(Math.min(info.size, 0xffffffff), 8);
    buf.writeUInt32LE(info.mtimeSeconds >>> 0, 12);
  }
  return buf;
}

/** struct stat_v2 (72 bytes) without the id, shared with DNT2 entries. */
function writeStatV2Body(buf: Buffer, offset: number, info: FileInfo | null, errno: number): void {
  buf.writeUInt32LE(errno, offset);
  if (info === null) return;
  buf.writeBigUInt64LE(0xfd05n, offset + 4);
  buf.writeBigUInt64LE(BigInt(info.ino), offset + 12);
  buf.writeUInt32LE(info.mode >>> 0, offset + 20);
  buf.writeUInt32LE(info.type === 'dir' ? 2 : 1, offset + 24);
  buf.writeUInt32LE(info.uid, offset + 28);
  buf.writeUInt32LE(info.gid, offset + 32);
  buf.writeBigUInt64LE(BigInt(info.size), offset + 36);
  for (const field of [44, 52, 60]) buf.writeBigInt64LE(BigInt(info.mtimeSeconds), offset + field);
}

function statV2(id: number, info: FileInfo | null): Buffer {
  const buf = Buffer.alloc(72);
  buf.writeUInt32LE(id, 0);
  writeStatV2Body(buf, 4, info, info === null ? ERRNO.ENOENT : 0);
  return buf;
}

class SyncSession {
  private readonly input = new ByteQueue();

  constructor(
    private readonly stream: AdbStream,
    private readonly env: SyncEnvironment,
  ) {}

  get service(): StreamService {
    return {
      onData: (data) => this.input.push(data),
      onClose: () => this.input.discard(),
    };
  }

  async run(): Promise<void> {
    while (!this.stream.closed) {
      const request = await this.input.readExactly(8);
      if (request === null) return;
      const id = request.readUInt32LE(0);
      const length = request.readUInt32LE(4);
      if (length > MAX_PATH) {
        await this.finish(fail('path too long'));
        return;
      }
      const pathBytes = await this.input.readExactly(length);
      if (pathBytes === null) return;
      const path = pathBytes.toString('utf8');
      if (id !== ID_QUIT) this.env.trace({ kind: 'sync', detail: `${idName(id)} ${path}` });
      const keepGoing = await this.dispatch(id, path);
      if (!keepGoing) {
        await this.stream.close();
        return;
      }
    }
  }

  private async finish(message: Buffer): Promise<void> {
    await this.stream.write(message);
    await this.stream.close();
  }

  private async dispatch(id: number, path: string): Promise<boolean> {
    const fs = this.env.state.fs;
    switch (id) {
      case ID_STAT:
        await this.stream.write(statV1(await fs.stat(path)));
        return true;
      case ID_STA2:
      case ID_LST2:
        await this.stream.write(statV2(id, await fs.stat(path)));
        return true;
      case ID_LIST:
      case ID_LIS2:
        await this.list(path, id === ID_LIS2);
        return true;
      case ID_SEND:
        return this.receiveFile(path);
      case ID_RECV:
        return this.sendFile(path);
      case ID_QUIT:
        return false;
      default:
        await this.stream.write(fail(`unknown command ${id.toString(16).padStart(8, '0')}`));
        return false;
    }
  }

  private async list(path: string, v2: boolean): Promise<void> {
    let entries: Array<{ name: string; info: FileInfo }> = [];
    try {
      entries = await this.env.state.fs.list(path);
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
    }
    const self = await this.env.state.fs.stat(path);
    if (self !== null) entries.unshift({ name: '.', info: self }, { name: '..', info: self });
    const parts: Buffer[] = [];
    for (const { name, info } of entries) {
      const nameBytes = Buffer.from(name, 'utf8');
      let head: Buffer;
      if (v2) {
        head = Buffer.alloc(76);
        head.writeUInt32LE(ID_DNT2, 0);
        writeStatV2Body(head, 4, info, 0);
        head.writeUInt32LE(nameBytes.length, 72);
      } else {
        head = Buffer.alloc(20);
        head.writeUInt32LE(ID_DENT, 0);
        head.writeUInt32LE(info.mode >>> 0, 4);
        head.writeUInt32LE(Math.min(info.size, 0xffffffff), 8);
        head.writeUInt32LE(info.mtimeSeconds >>> 0, 12);
        head.writeUInt32LE(nameBytes.length, 16);
      }
      parts.push(head, nameBytes);
    }
    const done = Buffer.alloc(v2 ? 76 : 20);
    done.writeUInt32LE(ID_DONE, 0);
    parts.push(done);
    await this.stream.write(Buffer.concat(parts));
  }

  /** SEND "path,mode", then DATA chunks, then DONE(mtime); answers OKAY or FAIL. */
  private async receiveFile(spec: string): Promise<boolean> {
    const comma = spec.lastIndexOf(',');
    if (comma < 0) {
      await this.stream.write(fail('missing , in ID_SEND'));
      return false;
    }
    const path = normalizeDevicePath(spec.slice(0, comma));
    const mode = Number.parseInt(spec.slice(comma + 1), 10);
    const fs = this.env.state.fs;

    let writer: FileWriter | null = null;
    let failure: string | null = null;
    if ((await fs.stat(path))?.type === 'dir') failure = `couldn't create file: ${new FsError('EISDIR').message}`;
    else {
      try {
        writer = await fs.openForWrite(path, Number.isFinite(mode) ? mode & 0o777 : 0o644);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        failure = `couldn't create file: ${error.message}`;
      }
    }
    if (failure !== null) await this.stream.write(fail(failure));

    const pacer = new UploadPacer(this.env.faults);
    try {
      for (;;) {
        const head = await this.input.readExactly(8);
        if (head === null) return false;
        const id = head.readUInt32LE(0);
        const value = head.readUInt32LE(4);
        if (id === ID_DONE) {
          if (writer === null) return false;
          await writer.close();
          writer = null;
          await fs.setMtime(path, value);
          await this.stream.write(header(ID_OKAY, 0));
          return true;
        }
        if (id !== ID_DATA) {
          if (failure === null) await this.stream.write(fail('invalid data message'));
          return false;
        }
        if (value > SYNC_DATA_MAX) {
          if (failure === null) await this.stream.write(fail('oversize data message'));
          return false;
        }
        const chunk = await this.input.readExactly(value);
        if (chunk === null) return false;
        if (writer !== null) {
          try {
            await writer.write(chunk);
          } catch (error) {
            if (!(error instanceof FsError)) throw error;
            // adbd reports the error, then swallows DATA until DONE before hanging up.
            failure = `write failed: ${error.message}`;
            await this.stream.write(fail(failure));
            await writer.close();
            writer = null;
            await fs.remove(path, { internal: true }).catch(() => undefined);
          }
        }
        await pacer.account(chunk.length);
        if (pacer.exceedsDropLimit()) {
          // Clean up first: by the time adb notices the dead link, the partial file is gone.
          if (writer !== null) {
            await writer.close();
            writer = null;
            await fs.remove(path, { internal: true }).catch(() => undefined);
          }
          this.env.dropConnection(`dropMidTransfer after ${pacer.total} bytes of ${path}`);
          return false;
        }
      }
    } finally {
      if (writer !== null) {
        await writer.close();
        await fs.remove(path, { internal: true }).catch(() => undefined);
      }
    }
  }

  /** RECV: DATA chunks then DONE, or FAIL. */
  private async sendFile(path: string): Promise<boolean> {
    const fs = this.env.state.fs;
    const info = await fs.stat(path);
    if (info === null || info.type !== 'file') {
      const reason = info === null ? new FsError('ENOENT') : new FsError('EISDIR');
      await this.stream.write(fail(`open failed: ${reason.message}`));
      return false;
    }
    const handle = await open(fs.hostPath(path), fsConstants.O_RDONLY);
    try {
      const buffer = Buffer.alloc(SYNC_DATA_MAX);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        await this.stream.write(Buffer.concat([header(ID_DATA, bytesRead), buffer.subarray(0, bytesRead)]));
        if (this.stream.closed) return false;
      }
    } finally {
      await handle.close();
    }
    await this.stream.write(header(ID_DONE, 0));
    return true;
  }
}

export function syncService(stream: AdbStream, env: SyncEnvironment): StreamService {
  const session = new SyncSession(stream, env);
  void session.run().catch(() => void stream.close());
  return session.service;
}
