import type { Command, CommandContext } from './commands';
import type { DeviceState } from './device-state';
import { copyPicture, createPicture, drawTestPattern, encodeConfiguration, encodeDeltaFrame, encodeKeyFrame } from './h264-test-pattern';
import type { YuvPicture } from './h264-test-pattern';
import type { AdbStream, StreamService } from './transport';

// The device side of scrcpy (https://github.com/Genymobile/scrcpy, server protocol of the version the
// client library pins): the client pushes the server jar to /data/local/tmp, runs
// `CLASSPATH=<jar> app_process / com.genymobile.scrcpy.Server <version> key=value...` and, with
// tunnel_forward=true, opens `localabstract:scrcpy_<scid>`. Instead of capturing a display, the emulated
// server encodes a test pattern (h264-test-pattern.ts): the headset's colour and a frame counter.
//
// Video socket: one dummy byte (forward tunnel), the device name (64 bytes, NUL padded), codec meta
// (u32 codec id 'h264', u32 width, u32 height), then packets: u64 pts (bit 63 config, bit 62 key frame)
// + u32 length + Annex B data. The config packet (SPS + PPS) comes first.

export const SCRCPY_SERVER_VERSION = '3.3.3';
export const SCRCPY_SERVER_CLASS = 'com.genymobile.scrcpy.Server';
const CODEC_H264 = 0x68323634;
const PTS_CONFIG = 1n << 63n;
const PTS_KEY = 1n << 62n;

type SocketHandler = (stream: AdbStream) => StreamService;

/** What a test can read about the casting side of a headset. */
export interface ScrcpyStats {
  /** Server processes started (each `app_process ... Server`). */
  starts: number;
  /** Servers streaming right now. */
  running: number;
  framesSent: number;
  /** The counter of the last frame sent (continues across server restarts, per headset). */
  lastCounter: number;
  /** When each of the last frames was sent (counter → Date.now()), at most 2000 entries. */
  readonly sentAt: Map<number, number>;
  /** The options of the last start, as the client sent them. */
  lastOptions: Record<string, string>;
}

interface ScrcpyDevice {
  readonly sockets: Map<string, SocketHandler>;
  readonly stats: ScrcpyStats;
}

const devices = new WeakMap<DeviceState, ScrcpyDevice>();

function deviceOf(state: DeviceState): ScrcpyDevice {
  let device = devices.get(state);
  if (!device) {
    device = { sockets: new Map(), stats: { starts: 0, running: 0, framesSent: 0, lastCounter: 0, sentAt: new Map(), lastOptions: {} } };
    devices.set(state, device);
  }
  return device;
}

export function scrcpyStats(state: DeviceState): ScrcpyStats {
  return deviceOf(state).stats;
}

/** OPEN `localabstract:NAME`: the server's socket if one listens, else null (adbd closes the stream). */
export function openAbstractSocket(state: DeviceState, name: string, stream: AdbStream): StreamService | null {
  const handler = deviceOf(state).sockets.get(name);
  return handler ? handler(stream) : null;
}

interface ServerOptions {
  scid: string | null;
  maxSize: number;
  maxFps: number;
  crop: { width: number; height: number; x: number; y: number } | null;
  iFrameIntervalSeconds: number;
  control: boolean;
  sendDummyByte: boolean;
  sendDeviceMeta: boolean;
  sendCodecMeta: boolean;
}

function parseOptions(args: readonly string[]): ServerOptions | string {
  const values: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return `Invalid option: ${arg}`;
    values[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  const bool = (key: string, fallback: boolean) => (values[key] === undefined ? fallback : values[key] === 'true');
  const num = (key: string, fallback: number) => (values[key] === undefined ? fallback : Number(values[key]));
  if (values.video_codec !== undefined && values.video_codec !== 'h264') return `the emulated headset encodes h264 only, not ${values.video_codec}`;
  if (bool('audio', true)) return 'the emulated headset does not capture audio: pass audio=false';
  if (!bool('tunnel_forward', false)) return 'the emulated headset serves the forward tunnel only: pass tunnel_forward=true';
  if (bool('send_frame_meta', true) === false) return 'the emulated headset always sends frame meta';
  let crop: ServerOptions['crop'] = null;
  if (values.crop !== undefined && values.crop !== '') {
    const parts = values.crop.split(':').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0)) return `Invalid crop: ${values.crop}`;
    const [width, height, x, y] = parts as [number, number, number, number];
    crop = { width, height, x, y };
  }
  const codecOptions = values.video_codec_options ?? '';
  const interval = /(?:^|,)i-frame-interval(?::[a-z]+)?=([0-9.]+)/.exec(codecOptions);
  const scid = values.scid === undefined || values.scid === '-1' ? null : values.scid;
  if (scid !== null && !/^[0-9a-f]{1,8}$/i.test(scid)) return `Invalid scid: ${scid}`;
  const options: ServerOptions = {
    scid,
    maxSize: num('max_size', 0),
    maxFps: num('max_fps', 0),
    crop,
    iFrameIntervalSeconds: interval ? Number(interval[1]) : 10,
    control: bool('control', true),
    sendDummyByte: bool('send_dummy_byte', true),
    sendDeviceMeta: bool('send_device_meta', true),
    sendCodecMeta: bool('send_codec_meta', true),
  };
  if (!Number.isFinite(options.maxSize) || !Number.isFinite(options.maxFps) || options.maxSize < 0 || options.maxFps < 0) return 'Invalid max_size or max_fps';
  return options;
}

/** The video size scrcpy picks: the (cropped) display, fitted into max_size, both sides multiples of 8. */
export function videoSize(display: { width: number; height: number }, options: Pick<ServerOptions, 'crop' | 'maxSize'>): { width: number; height: number } {
  let width = options.crop?.width ?? display.width;
  let height = options.crop?.height ?? display.height;
  if (options.maxSize > 0 && Math.max(width, height) > options.maxSize) {
    const portrait = height > width;
    const major = options.maxSize & ~7;
    const minor = Math.round(((portrait ? width : height) * major) / (portrait ? height : width)) & ~7;
    width = portrait ? minor : major;
    height = portrait ? major : minor;
  }
  return { width: width & ~7, height: height & ~7 };
}

function packet(pts: bigint, data: Uint8Array): Buffer {
  const header = Buffer.alloc(12);
  header.writeBigUInt64BE(pts, 0);
  header.writeUInt32BE(data.length, 8);
  return Buffer.concat([header, data]);
}

function lines(ctx: CommandContext, text: string): void {
  ctx.out(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * `app_process / com.genymobile.scrcpy.Server VERSION key=value...`: runs until the client closes the
 * shell stream (what killing the process does) or a fault ends it.
 */
export const appProcess: Command = async (args, ctx) => {
  const classPath = ctx.env?.get('CLASSPATH') ?? '';
  const [, className, version, ...rest] = args;
  if (className !== SCRCPY_SERVER_CLASS) {
    ctx.err(`Error: no class given or unknown class '${className ?? ''}'\n`);
    return 1;
  }
  const jar = classPath.length > 0 ? await ctx.state.fs.stat(classPath).catch(() => null) : null;
  if (jar === null || jar.type !== 'file' || jar.size === 0) {
    ctx.err(`Error: Could not find class '${SCRCPY_SERVER_CLASS}' (CLASSPATH '${classPath}')\n`);
    return 1;
  }
  const device = deviceOf(ctx.state);
  device.stats.starts += 1;
  if (version !== SCRCPY_SERVER_VERSION) {
    lines(ctx, `[server] ERROR: The server version (${SCRCPY_SERVER_VERSION}) does not match the client (${version ?? ''})`);
    return 1;
  }
  const options = parseOptions(rest);
  if (typeof options === 'string') {
    lines(ctx, `[server] ERROR: ${options}`);
    return 1;
  }
  device.stats.lastOptions = Object.fromEntries(rest.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  lines(ctx, `[server] INFO: Device: [Oculus] Oculus ${ctx.state.profile.model} (Android ${ctx.state.props.get('ro.build.version.release') ?? ''})`);
  if (ctx.faults.scrcpyMirroringBroken) {
    // What a firmware that refuses screen capture to the shell user looks like from the client.
    await new Promise((resolve) => setTimeout(resolve, 50));
    lines(
      ctx,
      '[server] ERROR: Exception on thread Thread[main,5,main]\n' +
        'java.lang.AssertionError: java.lang.reflect.InvocationTargetException\n' +
        '\tat com.genymobile.scrcpy.wrappers.SurfaceControl.createDisplay(SurfaceControl.java:86)\n' +
        'Caused by: java.lang.SecurityException: Permission Denial: capture of the VR compositor is not allowed',
    );
    return 1;
  }
  const [displayWidth, displayHeight] = ctx.state.profile.displaySize.split('x').map(Number) as [number, number];
  if (options.crop && (options.crop.x + options.crop.width > displayWidth || options.crop.y + options.crop.height > displayHeight)) {
    lines(ctx, `[server] ERROR: Crop rectangle (${options.crop.width}:${options.crop.height}:${options.crop.x}:${options.crop.y}) does not fit the display (${displayWidth}x${displayHeight})`);
    return 1;
  }
  const size = videoSize({ width: displayWidth, height: displayHeight }, options);
  const socketName = options.scid === null ? 'scrcpy' : `scrcpy_${options.scid.padStart(8, '0')}`;

  const session = new ServerSession(ctx, options, size);
  device.sockets.set(socketName, (stream) => {
    const accepted = session.accept(stream);
    if (session.allAccepted) device.sockets.delete(socketName);
    return accepted;
  });
  device.stats.running += 1;
  try {
    // The client ending the shell stream is the process being killed.
    const ended = (async () => {
      while ((await ctx.stdin.read(64 * 1024)) !== null) {
        /* input is ignored */
      }
    })();
    await Promise.race([ended, session.finished]);
  } finally {
    device.sockets.delete(socketName);
    device.stats.running -= 1;
    session.stop();
  }
  return 0;
};

class ServerSession {
  private video: AdbStream | null = null;
  private control: AdbStream | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private finish: () => void = () => undefined;
  readonly finished = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(
    private readonly ctx: CommandContext,
    private readonly options: ServerOptions,
    private readonly size: { width: number; height: number },
  ) {}

  get allAccepted(): boolean {
    return this.video !== null && (!this.options.control || this.control !== null);
  }

  accept(stream: AdbStream): StreamService {
    const first = this.video === null;
    if (first) {
      this.video = stream;
      void this.startVideo(stream);
    } else {
      this.control = stream;
    }
    return {
      // Control messages (if control=true) are read and ignored: the wall never injects input.
      onData: async () => undefined,
      onClose: () => {
        if (stream === this.video) this.finishNow();
      },
    };
  }

  private finishNow(): void {
    this.stop();
    this.finish();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.video && !this.video.closed) void this.video.close();
    if (this.control && !this.control.closed) void this.control.close();
  }

  private async startVideo(stream: AdbStream): Promise<void> {
    const device = deviceOf(this.ctx.state);
    const { ctx, options, size } = this;
    const head: Buffer[] = [];
    if (options.sendDummyByte) head.push(Buffer.from([0]));
    if (options.sendDeviceMeta) {
      const name = Buffer.alloc(64);
      name.write(`Oculus ${ctx.state.profile.model}`.slice(0, 63), 'utf8');
      head.push(name);
    }
    if (options.sendCodecMeta) {
      const meta = Buffer.alloc(12);
      meta.writeUInt32BE(CODEC_H264, 0);
      meta.writeUInt32BE(size.width, 4);
      meta.writeUInt32BE(size.height, 8);
      head.push(meta);
    }
    const picture: YuvPicture = createPicture(size.width, size.height);
    head.push(packet(PTS_CONFIG, encodeConfiguration(picture)));
    await stream.write(Buffer.concat(head));

    const fps = options.maxFps > 0 ? Math.min(options.maxFps, 60) : 30;
    const startedAt = Date.now();
    let previous: YuvPicture | null = null;
    let lastKeyAt = 0;
    let frameNum = 0;
    let idr = 0;
    let framesThisRun = 0;
    let busy = false;
    const serial = ctx.state.serialNumber;
    this.timer = setInterval(() => {
      if (this.stopped || busy || stream.closed) return;
      const faults = ctx.faults;
      // Not worn or asleep: the display is off and the encoder gets no new pictures.
      if (!ctx.state.screenOn || faults.scrcpyStall) {
        previous = null;
        return;
      }
      const dropAfter = faults.scrcpyDisconnectAfterFrames;
      if (dropAfter !== null && framesThisRun >= dropAfter) {
        faults.scrcpyDisconnectAfterFrames = null;
        ctx.dropConnection('scrcpy: headset left mid-stream (fault)');
        return;
      }
      const counter = device.stats.lastCounter + 1;
      device.stats.lastCounter = counter;
      drawTestPattern(picture, serial, counter);
      const now = Date.now();
      const key = previous === null || now - lastKeyAt >= options.iFrameIntervalSeconds * 1000;
      let data: Uint8Array;
      if (faults.scrcpyCorruptNextFrame) {
        // A frame damaged on the way: bytes that are no NAL unit at all, flagged as a delta frame.
        faults.scrcpyCorruptNextFrame = false;
        data = Uint8Array.from({ length: 600 }, (_, i) => (i * 73 + counter) & 0xff || 1);
        busy = true;
        void this.send(stream, packet(BigInt(now - startedAt) * 1000n, data)).finally(() => (busy = false));
        previous = copyPicture(picture);
        frameNum += 1;
        return;
      }
      if (key) {
        data = encodeKeyFrame(picture, idr++);
        lastKeyAt = now;
        frameNum = 0;
      } else {
        frameNum += 1;
        data = encodeDeltaFrame(picture, previous as YuvPicture, frameNum);
      }
      previous = copyPicture(picture);
      const pts = BigInt(now - startedAt) * 1000n;
      device.stats.framesSent += 1;
      framesThisRun += 1;
      device.stats.sentAt.set(counter, now);
      if (device.stats.sentAt.size > 2000) device.stats.sentAt.delete(device.stats.sentAt.keys().next().value as number);
      busy = true;
      void this.send(stream, packet(key ? pts | PTS_KEY : pts, data)).finally(() => (busy = false));
    }, 1000 / fps);
  }

  private async send(stream: AdbStream, data: Buffer): Promise<void> {
    await stream.write(data);
    if (stream.closed) this.finishNow();
  }
}
