import type { CastTile } from '../../../shared/cast/cast-contract';
import type { IpcClient } from '../bridge/ipc-client';
import { createTileDecoder } from './cast-decoder';
import type { DecoderKind, TileDecoder, TilePacket } from './cast-decoder';

// The wall's one loop: a single `cast:pull` at a time for every tile on screen, each with the sequence
// number of the last packet its decoder holds. Main answers as soon as anything is new (or after a
// second), bounded in bytes; a tile that fell behind, or whose decoder failed, is sent back to the last
// key frame with the stream's configuration. Nothing is kept beyond what the decoders hold.

interface TileSlot {
  canvas: HTMLCanvasElement;
  cursor: number;
  /** Packets go through this chain so a decoder still being created receives them in order. */
  decoder: Promise<TileDecoder> | null;
  current: TileDecoder | null;
  /** Bumped whenever the decoder is dropped: a decoder created for an older stream is disposed. */
  generation: number;
  /** When the current decoder got its first key frame (ms); null: none yet. */
  keyAt: number | null;
}

/** A decoder fed a key frame that has drawn nothing after this long cannot decode the stream here. */
export const UNDECODABLE_AFTER_MS = 6000;

export interface CastFeedOptions {
  readonly ipc: IpcClient;
  readonly onTiles: (tiles: CastTile[]) => void;
  readonly onError: (code: string) => void;
  /** Headsets whose pictures this browser cannot decode (no H.264 in WebCodecs, software decoder refused). */
  readonly onUndecodable?: (serials: ReadonlySet<string>) => void;
  /** How long main may hold a pull open waiting for a new packet. */
  readonly waitMs?: number;
  /** Force a decoder (diagnosis); null: WebCodecs where it decodes the stream, else software. */
  readonly prefer?: DecoderKind | null;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CastFeed {
  readonly #options: CastFeedOptions;
  readonly #slots = new Map<string, TileSlot>();
  #running = false;

  constructor(options: CastFeedOptions) {
    this.#options = options;
  }

  /** A tile's canvas appeared (or went: null). */
  attach(serial: string, canvas: HTMLCanvasElement | null): void {
    const slot = this.#slots.get(serial);
    if (canvas === null) {
      if (slot) this.#drop(slot);
      this.#slots.delete(serial);
      return;
    }
    if (slot?.canvas === canvas) return;
    if (slot) this.#drop(slot);
    this.#slots.set(serial, { canvas, cursor: -1, decoder: null, current: null, generation: 0, keyAt: null });
  }

  decoderOf(serial: string): TileDecoder | null {
    return this.#slots.get(serial)?.current ?? null;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#loop();
  }

  stop(): void {
    this.#running = false;
    for (const slot of this.#slots.values()) this.#drop(slot);
    this.#slots.clear();
  }

  #drop(slot: TileSlot): void {
    const pending = slot.decoder;
    slot.generation += 1;
    slot.keyAt = null;
    slot.decoder = null;
    slot.current = null;
    slot.cursor = -1;
    void pending?.then((decoder) => decoder.dispose()).catch(() => undefined);
  }

  #undecodable(): Set<string> {
    const now = Date.now();
    const out = new Set<string>();
    for (const [serial, slot] of this.#slots) {
      const drawn = slot.current?.frames ?? 0;
      if (slot.keyAt !== null && drawn === 0 && now - slot.keyAt > UNDECODABLE_AFTER_MS) out.add(serial);
    }
    return out;
  }

  async #loop(): Promise<void> {
    while (this.#running) {
      const cursors: Record<string, number> = {};
      for (const [serial, slot] of this.#slots) cursors[serial] = slot.current?.failed ? -1 : slot.cursor;
      if (Object.keys(cursors).length === 0) {
        const result = await this.#options.ipc.invoke('cast:tiles', {});
        if (result.ok) this.#options.onTiles(result.value.tiles);
        await sleep(500);
        continue;
      }
      const result = await this.#options.ipc.invoke('cast:pull', { cursors, wait_ms: this.#options.waitMs ?? 1000 });
      if (!this.#running) return;
      if (!result.ok) {
        this.#options.onError(result.error.code);
        await sleep(1000);
        continue;
      }
      this.#options.onTiles(result.value.tiles);
      this.#options.onUndecodable?.(this.#undecodable());
      for (const serial of result.value.reset) {
        const slot = this.#slots.get(serial);
        if (slot) this.#drop(slot);
      }
      for (const packet of result.value.packets) {
        const slot = this.#slots.get(packet.serial);
        if (!slot) continue;
        const tilePacket: TilePacket = { kind: packet.kind, data: fromBase64(packet.data) };
        if (packet.kind === 'config') {
          if (slot.decoder) this.#drop(slot);
          const generation = slot.generation;
          slot.decoder = createTileDecoder(slot.canvas, tilePacket.data, this.#options.prefer ?? null).then((decoder) => {
            if (slot.generation === generation) slot.current = decoder;
            else decoder.dispose();
            return decoder;
          });
        }
        if (!slot.decoder) continue;
        if (packet.kind === 'key' && slot.keyAt === null) slot.keyAt = Date.now();
        const chain = slot.decoder;
        slot.decoder = chain.then((decoder) => {
          decoder.push(tilePacket);
          return decoder;
        });
        slot.cursor = packet.seq;
      }
    }
  }
}
