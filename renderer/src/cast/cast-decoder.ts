import { ScrcpyVideoCodecId, h264ParseConfiguration } from '@yume-chan/scrcpy';
import type { ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { TinyH264Decoder } from '@yume-chan/scrcpy-decoder-tinyh264';
import { BitmapVideoFrameRenderer, WebCodecsVideoDecoder } from '@yume-chan/scrcpy-decoder-webcodecs';

// One tile's decoder, drawing into the tile's canvas. WebCodecs (hardware or Chromium's own decoder)
// when this browser decodes H.264 with it; otherwise the software decoder (TinyH264, WebAssembly in a
// worker). After every picture drawn the canvas gets a `cast-frame` event (tests and the benchmark read
// the picture then; the wall itself does not need it).

export type DecoderKind = 'webcodecs' | 'software';

export interface TilePacket {
  readonly kind: 'config' | 'key' | 'delta';
  readonly data: Uint8Array;
}

export interface TileDecoder {
  readonly kind: DecoderKind;
  /** The canvas pictures are drawn on (the software decoder brings its own). */
  readonly canvas: HTMLCanvasElement;
  push(packet: TilePacket): void;
  /** Pictures drawn so far. */
  readonly frames: number;
  /** Set when the decoder failed; the wall then starts a new one at the next configuration. */
  readonly failed: boolean;
  dispose(): void;
}

const support = new Map<string, Promise<boolean>>();

/** Whether WebCodecs decodes this stream's profile and level here (needs a secure context). */
export function webCodecsDecodes(config: Uint8Array): Promise<boolean> {
  if (typeof VideoDecoder === 'undefined') return Promise.resolve(false);
  let codec: string;
  try {
    const { profileIndex, constraintSet, levelIndex } = h264ParseConfiguration(config);
    codec = `avc1.${[profileIndex, constraintSet, levelIndex].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  } catch {
    return Promise.resolve(false);
  }
  let known = support.get(codec);
  if (!known) {
    known = VideoDecoder.isConfigSupported({ codec })
      .then((answer) => answer.supported === true)
      .catch(() => false);
    support.set(codec, known);
  }
  return known;
}

class DrawHook extends BitmapVideoFrameRenderer {
  constructor(
    canvas: HTMLCanvasElement,
    private readonly drawn: () => void,
  ) {
    super(canvas);
  }

  override async draw(frame: VideoFrame): Promise<void> {
    await super.draw(frame);
    this.drawn();
  }
}

function toScrcpy(packet: TilePacket): ScrcpyMediaStreamPacket {
  if (packet.kind === 'config') return { type: 'configuration', data: packet.data };
  return { type: 'data', keyframe: packet.kind === 'key', data: packet.data };
}

abstract class StreamDecoder implements TileDecoder {
  abstract readonly kind: DecoderKind;
  abstract readonly canvas: HTMLCanvasElement;
  frames = 0;
  failed = false;
  protected abstract readonly writer: WritableStreamDefaultWriter<ScrcpyMediaStreamPacket>;

  push(packet: TilePacket): void {
    if (this.failed) return;
    this.writer.write(toScrcpy(packet)).catch(() => {
      this.failed = true;
    });
  }

  protected drawn = (): void => {
    this.frames += 1;
    this.canvas.dispatchEvent(new CustomEvent('cast-frame'));
  };

  abstract dispose(): void;
}

class WebCodecsTile extends StreamDecoder {
  readonly kind = 'webcodecs' as const;
  readonly #decoder: WebCodecsVideoDecoder;
  protected readonly writer: WritableStreamDefaultWriter<ScrcpyMediaStreamPacket>;

  constructor(readonly canvas: HTMLCanvasElement) {
    super();
    this.#decoder = new WebCodecsVideoDecoder({ codec: ScrcpyVideoCodecId.H264, renderer: new DrawHook(canvas, this.drawn) });
    this.writer = this.#decoder.writable.getWriter() as WritableStreamDefaultWriter<ScrcpyMediaStreamPacket>;
  }

  dispose(): void {
    this.writer.releaseLock();
    this.#decoder.dispose();
  }
}

class SoftwareTile extends StreamDecoder {
  readonly kind = 'software' as const;
  readonly #decoder: TinyH264Decoder;
  protected readonly writer: WritableStreamDefaultWriter<ScrcpyMediaStreamPacket>;
  readonly #stopWatching: () => void;

  constructor(readonly canvas: HTMLCanvasElement) {
    super();
    this.#decoder = new TinyH264Decoder({ canvas });
    this.writer = this.#decoder.writable.getWriter() as WritableStreamDefaultWriter<ScrcpyMediaStreamPacket>;
    // TinyH264 has no per-picture hook; count what it reports as rendered.
    let seen = 0;
    const timer = window.setInterval(() => {
      const rendered = this.#decoder.framesRendered;
      while (seen < rendered) {
        seen += 1;
        this.drawn();
      }
    }, 100);
    this.#stopWatching = () => window.clearInterval(timer);
  }

  dispose(): void {
    this.#stopWatching();
    this.writer.releaseLock();
    this.#decoder.dispose();
  }
}

/**
 * A decoder for a stream that starts with `config`, of the first of `kinds` that can be made here:
 * WebCodecs only where `isConfigSupported` accepts the stream's profile and level, the software decoder
 * wherever it can be constructed. `canvasFor` gives the canvas a decoder of that kind draws on (a canvas
 * that had a WebCodecs bitmap context cannot take the software decoder's WebGL one, so the feed hands out
 * a fresh canvas when the kind changes). Null: no decoder of these kinds works in this browser.
 */
export async function createTileDecoder(canvasFor: (kind: DecoderKind) => HTMLCanvasElement, config: Uint8Array, kinds: readonly DecoderKind[]): Promise<TileDecoder | null> {
  for (const kind of kinds) {
    try {
      if (kind === 'webcodecs') {
        if (await webCodecsDecodes(config)) return new WebCodecsTile(canvasFor(kind));
      } else {
        return new SoftwareTile(canvasFor(kind));
      }
    } catch {
      // This kind cannot be made here (no Worker, no WebCodecs constructor): try the next one.
    }
  }
  return null;
}
