import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_VERSION,
  A_WRTE,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  PacketParser,
  commandName,
  encodePacket,
} from './packet';
import type { AdbPacket } from './packet';

/** What a service does with the bytes of one stream. */
export interface StreamService {
  /** One WRTE from the host. The OKAY is only sent once this settles (flow control). */
  onData(data: Buffer): Promise<void>;
  /** The host sent CLSE, or the connection is gone. */
  onClose(): void;
}

export type ServiceFactory = (destination: string, stream: AdbStream) => StreamService | null;

export interface TraceEvent {
  kind: 'connect' | 'auth' | 'open' | 'refused' | 'sync' | 'drop';
  detail: string;
}

export interface TransportOptions {
  banner: () => string;
  maxPayload: number;
  isUnauthorized: () => boolean;
  /** Asleep (or out of range): the link stays up but nothing is acknowledged or answered. */
  isAsleep: () => boolean;
  openService: ServiceFactory;
  trace: (event: TraceEvent) => void;
}

/** Device side of one host-opened stream: ids, and writes that wait for the host's OKAY. */
export class AdbStream {
  private closedFlag = false;
  private pendingAck: (() => void) | null = null;
  private writeChain: Promise<void> = Promise.resolve();

  constructor(
    readonly localId: number,
    readonly remoteId: number,
    readonly connection: AdbConnection,
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Resolves once every chunk was acknowledged, or the stream died on the way. */
  write(data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (bytes.length === 0) return this.writeChain;
    this.writeChain = this.writeChain.then(async () => {
      const step = this.connection.maxPayload;
      for (let offset = 0; offset < bytes.length && !this.closedFlag; offset += step) {
        const acked = new Promise<void>((resolve) => (this.pendingAck = resolve));
        this.connection.send(A_WRTE, this.localId, this.remoteId, bytes.subarray(offset, offset + step));
        await acked;
      }
    });
    return this.writeChain;
  }

  /** Device-initiated close, after pending writes. */
  async close(): Promise<void> {
    await this.writeChain;
    if (this.closedFlag) return;
    this.connection.send(A_CLSE, this.localId, this.remoteId);
    this.markClosed();
    this.connection.forget(this.localId);
  }

  acknowledge(): void {
    const resolve = this.pendingAck;
    this.pendingAck = null;
    resolve?.();
  }

  markClosed(): void {
    this.closedFlag = true;
    this.acknowledge();
  }
}

interface StreamEntry {
  stream: AdbStream;
  service: StreamService;
  inbound: Promise<void>;
}

type AuthState = 'none' | 'awaiting-signature' | 'awaiting-user';

export class AdbConnection {
  maxPayload: number;
  private readonly parser = new PacketParser();
  private readonly streams = new Map<number, StreamEntry>();
  private nextLocalId = 1;
  private online = false;
  private authState: AuthState = 'none';
  private hostVersion = A_VERSION;
  private destroyed = false;
  /** Stream packets that arrived while asleep, replayed in order on waking. */
  private held: AdbPacket[] = [];
  /** Device-opened streams (adb reverse) waiting for the host's OKAY or CLSE. */
  private readonly opening = new Map<number, { resolve: (stream: AdbStream) => void; reject: (error: Error) => void; makeService: (stream: AdbStream) => StreamService }>();

  constructor(
    private readonly socket: Socket,
    private readonly options: TransportOptions,
  ) {
    this.maxPayload = options.maxPayload;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    socket.on('close', () => this.teardown());
    socket.on('error', () => this.teardown());
  }

  get isOnline(): boolean {
    return this.online;
  }

  send(command: number, arg0: number, arg1: number, payload: Buffer = Buffer.alloc(0)): void {
    if (this.destroyed) return;
    this.socket.write(encodePacket({ command, arg0, arg1, payload }));
  }

  /** Like pulling the cable: no CLSE, no goodbye. */
  destroy(reason: string): void {
    if (this.destroyed) return;
    this.options.trace({ kind: 'drop', detail: reason });
    this.socket.destroy();
    this.teardown();
  }

  /** The headset woke up: what the host sent meanwhile is handled now, in order. */
  wake(): void {
    const held = this.held;
    this.held = [];
    for (const packet of held) this.onPacket(packet);
  }

  /** The user tapped "Allow" on the headset's USB-debugging prompt. */
  acceptPendingAuth(): void {
    if (this.authState === 'none' || this.online) return;
    this.authState = 'none';
    this.sendConnect();
  }

  /**
   * A stream the device opens towards the host, as adbd does when an app connects to a port set up by
   * `adb reverse`: OPEN(our id, 0, "tcp:PORT\0"); the host answers OKAY(its id, our id), or CLSE when it
   * could not connect.
   */
  openToHost(destination: string, makeService: (stream: AdbStream) => StreamService): Promise<AdbStream> {
    if (this.destroyed || !this.online) return Promise.reject(new Error('the ADB link is down'));
    const localId = this.nextLocalId++;
    return new Promise<AdbStream>((resolve, reject) => {
      this.opening.set(localId, { resolve, reject, makeService });
      this.send(A_OPEN, localId, 0, Buffer.from(`${destination}\0`, 'utf8'));
    });
  }

  private onOpenedByHost(packet: AdbPacket): void {
    const pending = this.opening.get(packet.arg1);
    if (pending === undefined) return;
    this.opening.delete(packet.arg1);
    const stream = new AdbStream(packet.arg1, packet.arg0, this);
    this.streams.set(packet.arg1, { stream, service: pending.makeService(stream), inbound: Promise.resolve() });
    pending.resolve(stream);
  }

  forget(localId: number): void {
    this.streams.delete(localId);
  }

  private onSocketData(chunk: Buffer): void {
    let packets: AdbPacket[];
    try {
      packets = this.parser.push(chunk);
    } catch (error) {
      this.destroy(error instanceof Error ? error.message : 'bad packet');
      return;
    }
    for (const packet of packets) this.onPacket(packet);
  }

  private onPacket(packet: AdbPacket): void {
    switch (packet.command) {
      case A_CNXN:
        this.onConnect(packet);
        return;
      case A_AUTH:
        this.onAuth(packet);
        return;
    }
    // Until the handshake is done a real adbd ignores everything else.
    if (!this.online) return;
    if (this.options.isAsleep()) {
      // Bytes keep arriving (the TCP link is up) but no OKAY, no answer: adb's side just waits.
      this.held.push(packet);
      return;
    }
    switch (packet.command) {
      case A_OPEN:
        this.onOpen(packet);
        return;
      case A_WRTE:
        this.onWrite(packet);
        return;
      case A_OKAY:
        if (this.opening.has(packet.arg1)) this.onOpenedByHost(packet);
        else this.streams.get(packet.arg1)?.stream.acknowledge();
        return;
      case A_CLSE:
        if (this.opening.has(packet.arg1)) {
          this.opening.get(packet.arg1)?.reject(new Error('the host refused the stream'));
          this.opening.delete(packet.arg1);
        } else this.onHostClose(packet.arg1);
        return;
      default:
        this.options.trace({ kind: 'refused', detail: `unexpected ${commandName(packet.command)}` });
    }
  }

  private onConnect(packet: AdbPacket): void {
    this.hostVersion = Math.min(packet.arg0, A_VERSION);
    this.maxPayload = Math.min(packet.arg1, this.options.maxPayload);
    this.options.trace({ kind: 'connect', detail: packet.payload.toString('utf8').replace(/\0+$/, '') });
    // A new CNXN on a live link means the host restarted its side: start over.
    for (const localId of [...this.streams.keys()]) this.onHostClose(localId);
    this.online = false;
    if (this.options.isUnauthorized()) {
      this.authState = 'awaiting-signature';
      this.sendAuthToken();
      return;
    }
    this.sendConnect();
  }

  private onAuth(packet: AdbPacket): void {
    if (this.online) return;
    if (packet.arg0 === AUTH_SIGNATURE) {
      this.options.trace({ kind: 'auth', detail: 'signature rejected' });
      if (!this.options.isUnauthorized()) {
        this.acceptPendingAuth();
        return;
      }
      // Every signature is "unknown key": ask again, which makes the host offer its public key.
      this.sendAuthToken();
    } else if (packet.arg0 === AUTH_RSAPUBLICKEY) {
      this.options.trace({ kind: 'auth', detail: 'public key offered; waiting for the user' });
      this.authState = 'awaiting-user';
      if (!this.options.isUnauthorized()) this.acceptPendingAuth();
    }
  }

  private sendAuthToken(): void {
    this.send(A_AUTH, AUTH_TOKEN, 0, randomBytes(20));
  }

  private sendConnect(): void {
    this.online = true;
    this.send(A_CNXN, this.hostVersion, this.options.maxPayload, Buffer.from(this.options.banner(), 'utf8'));
  }

  private onOpen(packet: AdbPacket): void {
    const remoteId = packet.arg0;
    // abb_exec destinations carry NUL-separated argv, so only the terminator is stripped.
    const raw = packet.payload.toString('utf8');
    const destination = raw.endsWith('\0') ? raw.slice(0, -1) : raw;
    const localId = this.nextLocalId++;
    const stream = new AdbStream(localId, remoteId, this);
    const service = this.options.openService(destination, stream);
    if (service === null) {
      this.options.trace({ kind: 'refused', detail: destination });
      this.send(A_CLSE, 0, remoteId);
      return;
    }
    this.options.trace({ kind: 'open', detail: destination });
    this.streams.set(localId, { stream, service, inbound: Promise.resolve() });
    this.send(A_OKAY, localId, remoteId);
  }

  private onWrite(packet: AdbPacket): void {
    const entry = this.streams.get(packet.arg1);
    if (entry === undefined) return;
    entry.inbound = entry.inbound
      .then(() => entry.service.onData(packet.payload))
      .then(
        () => {
          if (!entry.stream.closed) this.send(A_OKAY, entry.stream.localId, entry.stream.remoteId);
        },
        () => void entry.stream.close(),
      );
  }

  private onHostClose(localId: number): void {
    const entry = this.streams.get(localId);
    if (entry === undefined) return;
    this.streams.delete(localId);
    entry.stream.markClosed();
    entry.service.onClose();
  }

  private teardown(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.online = false;
    for (const localId of [...this.streams.keys()]) this.onHostClose(localId);
    for (const pending of this.opening.values()) pending.reject(new Error('the ADB link is down'));
    this.opening.clear();
    this.onTeardown?.();
  }

  /** Called once when the link dies (adbd drops the link's reverse forwards then). */
  onTeardown: (() => void) | null = null;
}
