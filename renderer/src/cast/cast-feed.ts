import type { CastTile } from '../../../shared/cast/cast-contract';
import type { IpcClient } from '../bridge/ipc-client';
import { createTileDecoder } from './cast-decoder';
import type { DecoderKind, TileDecoder, TilePacket } from './cast-decoder';

// The wall's one loop: a single `cast:pull` at a time for every tile on screen, each with the sequence
// number of the last packet its decoder holds. Main answers as soon as anything is new (or after a
// second), bounded in bytes; a tile that fell behind, or whose decoder failed, is sent back to the last
// key frame with the stream's configuration. Nothing is kept beyond what the decoders hold.
//
// Decoder choice per tile: WebCodecs where it accepts the stream, else the software decoder. A decoder
// that fails (its stream errors) or, for WebCodecs, draws nothing within UNDECODABLE_AFTER_MS of a key
// frame is not used again for that tile; the tile goes back to the last key frame with the next kind.
// When no kind is left the tile stops pulling and says its picture cannot be decoded.

interface TileSlot {
  /** The element the tile's canvas lives in (the page's); the feed owns the canvas inside it. */
  host: HTMLElement;
  canvas: HTMLCanvasElement;
  /** The decoder kind that has drawn on `canvas` (its context type is then fixed); null: none yet. */
  canvasKind: DecoderKind | null;
  /** Decoder kinds that failed for this tile. */
  avoid: Set<DecoderKind>;
  /** No decoder kind works for this tile here: nothing is pulled for it. */
  dead: boolean;
  cursor: number;
  /** Packets go through this chain so a decoder still being created receives them in order. */
  decoder: Promise<TileDecoder | null> | null;
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

function newCanvas(serial: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'cast-canvas';
  canvas.dataset['serial'] = serial;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CastFeed {
  readonly #options: CastFeedOptions;
  readonly #slots = new Map<string, TileSlot>();
  #running = false;

  constructor(options: CastFeedOptions) {
    this.#options = options;
  }

  /**
   * A tile's picture area appeared (or went: null). The feed puts the tile's canvas in it
   * (`canvas.cast-canvas[data-serial]`, which gets a `cast-frame` event after every picture drawn).
   */
  attach(serial: string, host: HTMLElement | null): void {
    const slot = this.#slots.get(serial);
    if (host === null) {
      if (slot) {
        this.#drop(slot);
        slot.canvas.remove();
      }
      this.#slots.delete(serial);
      return;
    }
    if (slot?.host === host) return;
    if (slot) {
      this.#drop(slot);
      slot.canvas.remove();
    }
    const canvas = newCanvas(serial);
    host.replaceChildren(canvas);
    this.#slots.set(serial, { host, canvas, canvasKind: null, avoid: new Set(), dead: false, cursor: -1, decoder: null, current: null, generation: 0, keyAt: null });
  }

  /** The decoder kinds this tile may still try, in order of preference. */
  #kinds(slot: TileSlot): DecoderKind[] {
    const prefer = this.#options.prefer ?? null;
    const order: DecoderKind[] = prefer === null ? ['webcodecs', 'software'] : [prefer];
    return order.filter((kind) => !slot.avoid.has(kind));
  }

  #canvasFor(serial: string, slot: TileSlot, kind: DecoderKind): HTMLCanvasElement {
    if (slot.canvasKind !== null && slot.canvasKind !== kind) {
      const fresh = newCanvas(serial);
      slot.canvas.replaceWith(fresh);
      slot.canvas = fresh;
    }
    slot.canvasKind = kind;
    // Which decoder draws here (diagnosis, and the tests of the automatic fallback).
    slot.canvas.dataset['decoder'] = kind;
    return slot.canvas;
  }

  /**
   * A decoder that failed before drawing anything, or a WebCodecs one that drew nothing (with the software
   * decoder still to try): the tile goes on with the next kind. One that failed after drawing is replaced
   * by the same kind.
   */
  #review(): void {
    const now = Date.now();
    for (const slot of this.#slots.values()) {
      const current = slot.current;
      if (!current || slot.dead) continue;
      const silent = current.frames === 0 && slot.keyAt !== null && now - slot.keyAt > UNDECODABLE_AFTER_MS;
      const failedBeforeDrawing = current.failed && current.frames === 0;
      if (current.failed && !failedBeforeDrawing) {
        // It decoded this stream before: a damaged stretch of stream, not this browser. Same kind again.
        this.#drop(slot);
        continue;
      }
      if (!failedBeforeDrawing && !(silent && current.kind === 'webcodecs' && this.#kinds(slot).length > 1)) continue;
      slot.avoid.add(current.kind);
      this.#drop(slot);
      if (this.#kinds(slot).length === 0) slot.dead = true;
    }
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
    for (const slot of this.#slots.values()) {
      this.#drop(slot);
      slot.canvas.remove();
    }
    this.#slots.clear();
  }

  #drop(slot: TileSlot): void {
    const pending = slot.decoder;
    slot.generation += 1;
    slot.keyAt = null;
    slot.decoder = null;
    slot.current = null;
    slot.cursor = -1;
    void pending?.then((decoder) => decoder?.dispose()).catch(() => undefined);
  }

  #undecodable(): Set<string> {
    const now = Date.now();
    const out = new Set<string>();
    for (const [serial, slot] of this.#slots) {
      const drawn = slot.current?.frames ?? 0;
      if (slot.dead || (slot.keyAt !== null && drawn === 0 && now - slot.keyAt > UNDECODABLE_AFTER_MS)) out.add(serial);
    }
    return out;
  }

  async #loop(): Promise<void> {
    while (this.#running) {
      this.#review();
      const cursors: Record<string, number> = {};
      for (const [serial, slot] of this.#slots) if (!slot.dead) cursors[serial] = slot.cursor;
      if (Object.keys(cursors).length === 0) {
        const result = await this.#options.ipc.invoke('cast:tiles', {});
        if (!this.#running) return;
        if (result.ok) this.#options.onTiles(result.value.tiles);
        this.#options.onUndecodable?.(this.#undecodable());
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
        if (!slot || slot.dead) continue;
        const tilePacket: TilePacket = { kind: packet.kind, data: fromBase64(packet.data) };
        if (packet.kind === 'config') {
          if (slot.decoder) this.#drop(slot);
          const generation = slot.generation;
          slot.decoder = createTileDecoder((kind) => this.#canvasFor(packet.serial, slot, kind), tilePacket.data, this.#kinds(slot)).then((decoder) => {
            if (slot.generation !== generation) {
              decoder?.dispose();
              return null;
            }
            slot.current = decoder;
            // No kind left can be made here (e.g. no H.264 in WebCodecs and no worker for the software one).
            if (decoder === null) slot.dead = true;
            return decoder;
          });
        }
        if (!slot.decoder) continue;
        if (packet.kind === 'key' && slot.keyAt === null) slot.keyAt = Date.now();
        const chain = slot.decoder;
        slot.decoder = chain.then((decoder) => {
          decoder?.push(tilePacket);
          return decoder;
        });
        slot.cursor = packet.seq;
      }
    }
  }
}
