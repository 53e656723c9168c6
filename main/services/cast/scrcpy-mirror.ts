import { AdbServerClient } from '@yume-chan/adb';
import type { Adb } from '@yume-chan/adb';
import { AdbServerNodeTcpConnector } from '@yume-chan/adb-server-node-tcp';
import { AdbScrcpyClient, AdbScrcpyExitedError, AdbScrcpyOptions3_3_3 } from '@yume-chan/adb-scrcpy';
import { DefaultServerPath, ScrcpyCodecOptions, ScrcpyCrop, ScrcpyInstanceId } from '@yume-chan/scrcpy';
import type { ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { ReadableStream } from '@yume-chan/stream-extra';

// The one file that speaks scrcpy, through the maintained client libraries (@yume-chan/adb-scrcpy over
// @yume-chan/adb): it talks to the SAME adb server as adbkit (its host and port), pushes the server
// binary, starts it with the forward tunnel (no `adb reverse` needed) and yields the video packets.

/** The scrcpy server version @yume-chan/adb-scrcpy 2.3 speaks; the server file must be this version. */
export const SCRCPY_SERVER_VERSION = '3.3.3';

export interface MirrorOptions {
  /** Longest side of the video, pixels (scrcpy rounds both sides down to multiples of 8). */
  readonly maxSize: number;
  readonly maxFps: number;
  /** Encoder target, bits per second. */
  readonly bitRate: number;
  /** Seconds between key frames: how long a tile that fell behind waits to catch up. */
  readonly keyFrameIntervalSeconds: number;
  /** Part of the display to cast (one eye of a Quest), in display pixels; null: all of it. */
  readonly crop: { readonly width: number; readonly height: number; readonly x: number; readonly y: number } | null;
}

export interface MirrorPacket {
  readonly type: 'configuration' | 'data';
  readonly keyframe: boolean;
  /** Microseconds from the server's start; null for configuration packets. */
  readonly ptsUs: number | null;
  readonly data: Uint8Array;
}

export interface MirrorStream {
  readonly width: number;
  readonly height: number;
  readonly deviceName: string;
  /** The next packet; null when the stream ended. Throws when the link broke. */
  next(): Promise<MirrorPacket | null>;
  close(): Promise<void>;
}

export type MirrorStart = { ok: true; stream: MirrorStream } | { ok: false; reason: 'server_exited'; output: string[] } | { ok: false; reason: 'failed'; message: string };

export interface MirrorPort {
  start(serial: string, server: Uint8Array, options: MirrorOptions): Promise<MirrorStart>;
}

/** Random 31-bit instance id, so two casts of one headset (two kiosks, a restart) never share a socket. */
function instanceId(): ScrcpyInstanceId {
  return new ScrcpyInstanceId(Math.floor(Math.random() * 0x7fffffff));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function scrcpyOptions(options: MirrorOptions): AdbScrcpyOptions3_3_3<true> {
  return new AdbScrcpyOptions3_3_3<true>(
    {
      video: true,
      audio: false,
      control: false,
      tunnelForward: true,
      maxSize: options.maxSize,
      maxFps: options.maxFps,
      videoBitRate: options.bitRate,
      videoCodec: 'h264',
      videoCodecOptions: new ScrcpyCodecOptions({ iFrameInterval: options.keyFrameIntervalSeconds }),
      crop: options.crop ? new ScrcpyCrop(options.crop.width, options.crop.height, options.crop.x, options.crop.y) : undefined,
      scid: instanceId(),
      // Casting must not wake a headset nobody wears, nor keep it awake.
      powerOn: false,
      stayAwake: false,
      cleanup: true,
    },
    { version: SCRCPY_SERVER_VERSION },
  );
}

/** Server output is the only explanation a failing headset gives; keep it bounded. */
function boundedLines(lines: readonly string[]): string[] {
  return lines.slice(-20).map((line) => line.slice(0, 400));
}

export class ScrcpyMirror implements MirrorPort {
  readonly #client: AdbServerClient;

  constructor(address: { readonly host: string; readonly port: number }) {
    this.#client = new AdbServerClient(new AdbServerNodeTcpConnector({ host: address.host, port: address.port }));
  }

  async start(serial: string, server: Uint8Array, options: MirrorOptions): Promise<MirrorStart> {
    let adb: Adb;
    try {
      adb = await this.#client.createAdb({ serial });
    } catch (error) {
      return { ok: false, reason: 'failed', message: `the headset is not reachable through adb: ${errorText(error)}` };
    }
    try {
      await AdbScrcpyClient.pushServer(
        adb,
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(server);
            controller.close();
          },
        }),
        DefaultServerPath,
      );
    } catch (error) {
      await adb.close().catch(() => undefined);
      return { ok: false, reason: 'failed', message: `could not copy the casting component to the headset: ${errorText(error)}` };
    }
    let client: AdbScrcpyClient<AdbScrcpyOptions3_3_3<true>>;
    try {
      client = await AdbScrcpyClient.start(adb, DefaultServerPath, scrcpyOptions(options));
    } catch (error) {
      await adb.close().catch(() => undefined);
      if (error instanceof AdbScrcpyExitedError) return { ok: false, reason: 'server_exited', output: boundedLines(error.output) };
      return { ok: false, reason: 'failed', message: errorText(error) };
    }
    try {
      const video = await client.videoStream;
      if (!video) throw new Error('the server sent no video stream');
      const reader = video.stream.getReader();
      const metadata = video.metadata;
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        await reader.cancel().catch(() => undefined);
        await client.close().catch(() => undefined);
        await adb.close().catch(() => undefined);
      };
      return {
        ok: true,
        stream: {
          width: metadata.width ?? 0,
          height: metadata.height ?? 0,
          deviceName: metadata.deviceName ?? '',
          async next() {
            const { done, value } = await reader.read();
            if (done) return null;
            return toPacket(value);
          },
          close,
        },
      };
    } catch (error) {
      await client.close().catch(() => undefined);
      await adb.close().catch(() => undefined);
      return { ok: false, reason: 'failed', message: errorText(error) };
    }
  }
}

function toPacket(packet: ScrcpyMediaStreamPacket): MirrorPacket {
  if (packet.type === 'configuration') return { type: 'configuration', keyframe: false, ptsUs: null, data: packet.data };
  return { type: 'data', keyframe: packet.keyframe === true, ptsUs: packet.pts === undefined ? null : Number(packet.pts), data: packet.data };
}
