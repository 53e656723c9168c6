import type { MirrorPacket } from './scrcpy-mirror';

// One headset's packets waiting for the wall: the stream's configuration and the group of pictures since
// the last key frame, each with a sequence number. A window that holds everything up to its cursor gets
// what came after; a window that fell behind (or a new one) starts again at the configuration and the
// latest key frame, so a slow tile drops to the newest picture instead of queueing. Damaged frames are
// dropped, and so is everything after them until the next key frame (a delta needs its predecessor).

export interface StoredPacket {
  readonly seq: number;
  readonly kind: 'config' | 'key' | 'delta';
  readonly ptsUs: number | null;
  readonly data: Uint8Array;
}

/** Bounds of one group of pictures kept in memory; past them deltas wait for the next key frame. */
export const MAX_GOP_PACKETS = 150;
export const MAX_GOP_BYTES = 6 * 1024 * 1024;
/** Larger packets are refused as damaged (a 4K key frame of a real encoder is well under this). */
export const MAX_PACKET_BYTES = 3 * 1024 * 1024;

export type PushOutcome = 'stored' | 'dropped' | 'bad';

/** An H.264 Annex B access unit starts with a start code; anything else cannot be decoded. */
export function looksLikeAnnexB(data: Uint8Array): boolean {
  if (data.length < 5) return false;
  if (data[0] !== 0 || data[1] !== 0) return false;
  return data[2] === 1 || (data[2] === 0 && data[3] === 1);
}

export class TileBuffer {
  #seq = 0;
  #config: StoredPacket | null = null;
  #gop: StoredPacket[] = [];
  #gopBytes = 0;
  #waitingForKey = true;

  get lastSeq(): number {
    return this.#seq - 1;
  }

  push(packet: MirrorPacket): PushOutcome {
    if (packet.data.length > MAX_PACKET_BYTES || !looksLikeAnnexB(packet.data)) {
      if (packet.type === 'data') this.#waitingForKey = true;
      return 'bad';
    }
    if (packet.type === 'configuration') {
      this.#config = { seq: this.#seq++, kind: 'config', ptsUs: null, data: packet.data };
      this.#gop = [];
      this.#gopBytes = 0;
      this.#waitingForKey = true;
      return 'stored';
    }
    if (this.#config === null) return 'dropped';
    if (packet.keyframe) {
      this.#gop = [{ seq: this.#seq++, kind: 'key', ptsUs: packet.ptsUs, data: packet.data }];
      this.#gopBytes = packet.data.length;
      this.#waitingForKey = false;
      return 'stored';
    }
    if (this.#waitingForKey) return 'dropped';
    if (this.#gop.length >= MAX_GOP_PACKETS || this.#gopBytes + packet.data.length > MAX_GOP_BYTES) {
      this.#waitingForKey = true;
      return 'dropped';
    }
    this.#gop.push({ seq: this.#seq++, kind: 'delta', ptsUs: packet.ptsUs, data: packet.data });
    this.#gopBytes += packet.data.length;
    return 'stored';
  }

  /** What a window holding everything up to `cursor` needs next. */
  since(cursor: number): { reset: boolean; packets: StoredPacket[] } {
    const config = this.#config;
    const first = this.#gop[0];
    if (config === null || first === undefined) return { reset: false, packets: [] };
    const contiguous = cursor >= config.seq && cursor >= first.seq - 1;
    if (contiguous) return { reset: false, packets: this.#gop.filter((p) => p.seq > cursor) };
    return { reset: true, packets: [config, ...this.#gop] };
  }

  /** A new stream (restart, new size): nothing old may be decoded with its configuration. */
  clear(): void {
    this.#config = null;
    this.#gop = [];
    this.#gopBytes = 0;
    this.#waitingForKey = true;
  }
}
