import type { CastEye, CastPacket, CastPullReply, CastState, CastSummary, CastTile, CastTilesReply } from '../../../shared/cast/cast-contract';
import { eyeCrop } from './quest-eye';
import type { MirrorOptions, MirrorPort, MirrorStream } from './scrcpy-mirror';
import type { ServerBinary } from './server-binary';
import { TileBuffer } from './tile-buffer';

// Casting the cart's headsets to the kiosk (docs/cast.md). One session per headset: it checks the
// headset is there and awake, pushes the scrcpy server, reads its video into a TileBuffer, watches for
// stalls, and starts again when the headset comes back. Nothing is written to disk: packets live in
// memory until the wall has pulled them or a newer key frame replaces them.

/** The wall: small, slow and cheap, so 24 headsets fit a 2-core kiosk. */
export const WALL_QUALITY = { maxSize: 320, maxFps: 5, bitRate: 200_000, keyFrameIntervalSeconds: 2 } as const;
/** The large view of one headset. */
export const FOCUS_QUALITY = { maxSize: 720, maxFps: 15, bitRate: 1_500_000, keyFrameIntervalSeconds: 2 } as const;
/** At most this many headsets cast at once (a cart holds up to 24; headroom for a second cart). */
export const MAX_CASTS = 32;
/** One pull answers with at most this many bytes of video; the rest waits for the next pull. */
export const MAX_PULL_BYTES = 8 * 1024 * 1024;

export interface CastTiming {
  /** No frame for this long: the headset is asleep (asked), or the stream is restarted. */
  readonly stallMs: number;
  /** How often an asleep headset is asked whether it woke up. */
  readonly asleepPollMs: number;
  /** Waits before each retry of a failed start while the headset is present; then the tile shows an error. */
  readonly retryMs: readonly number[];
  /**
   * Casting stops by itself when no window has pulled pictures for this long: the instructor left the wall
   * (or was signed out) and nobody is watching, so the room's banner and the headsets' work end too.
   */
  readonly idleStopMs?: number;
}

export const DEFAULT_TIMING: CastTiming = { stallMs: 4000, asleepPollMs: 3000, retryMs: [1000, 2000, 5000, 10_000, 10_000], idleStopMs: 60_000 };

export interface CastServiceDeps {
  readonly mirror: MirrorPort;
  readonly server: () => Promise<ServerBinary>;
  /** Whether adb lists the headset as ready ("device"). */
  readonly present: (serial: string) => boolean;
  readonly wakefulness: (serial: string) => Promise<'awake' | 'asleep' | null>;
  /** The display's size (`wm size`), for the one-eye crop; null: unknown (the whole display is cast). */
  readonly displaySize: (serial: string) => Promise<{ width: number; height: number } | null>;
  readonly foregroundPackage: (serial: string) => Promise<string | null>;
  readonly now: () => Date;
  readonly log: (message: string, error?: unknown) => void;
  readonly onSummary: (summary: CastSummary) => void;
  readonly timing?: CastTiming;
}

function errorLine(output: readonly string[]): string {
  const interesting = output.filter((line) => /ERROR|Exception|Error:/.test(line));
  const cause = interesting.find((line) => line.startsWith('Caused by')) ?? interesting[interesting.length - 1] ?? output[output.length - 1] ?? '';
  return cause.trim().slice(0, 300);
}

class CastSession {
  state: CastState = 'connecting';
  message: string | null = null;
  since: Date;
  width = 0;
  height = 0;
  badFrames = 0;
  readonly buffer = new TileBuffer();
  stream: MirrorStream | null = null;
  /** Bumped by every start and stop: an older run that wakes up finds it changed and leaves. */
  generation = 0;
  failures = 0;
  timer: NodeJS.Timeout | null = null;
  watchdog: NodeJS.Timeout | null = null;
  lastPacketAt = 0;
  readonly frameTimes: number[] = [];

  constructor(
    readonly serial: string,
    now: Date,
  ) {
    this.since = now;
  }
}

export class CastService {
  readonly #deps: CastServiceDeps;
  readonly #timing: CastTiming;
  readonly #sessions = new Map<string, CastSession>();
  #eye: CastEye = 'left';
  #paused = false;
  #focused: string | null = null;
  #waiters = new Set<() => void>();
  #pulled = { bytes: 0, packets: 0 };
  #lastPullAt = 0;
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(deps: CastServiceDeps) {
    this.#deps = deps;
    this.#timing = deps.timing ?? DEFAULT_TIMING;
  }

  summary(): CastSummary {
    return { active: this.#sessions.size > 0, headsets: this.#sessions.size, paused: this.#paused };
  }

  tiles(): CastTilesReply {
    return { tiles: [...this.#sessions.values()].map((s) => this.#tile(s)), eye: this.#eye, paused: this.#paused };
  }

  start(serials: readonly string[], eye: CastEye): CastTilesReply {
    this.#lastPullAt = Date.now();
    this.#watchIdle();
    const eyeChanged = eye !== this.#eye;
    this.#eye = eye;
    for (const serial of serials) {
      if (this.#sessions.has(serial)) {
        if (eyeChanged) this.#restart(this.#sessions.get(serial) as CastSession);
        continue;
      }
      if (this.#sessions.size >= MAX_CASTS) break;
      const session = new CastSession(serial, this.#deps.now());
      this.#sessions.set(serial, session);
      void this.#run(session);
    }
    if (eyeChanged) for (const session of this.#sessions.values()) if (!serials.includes(session.serial)) this.#restart(session);
    this.#changed();
    return this.tiles();
  }

  stop(serials?: readonly string[]): CastTilesReply {
    for (const session of [...this.#sessions.values()]) {
      if (serials && !serials.includes(session.serial)) continue;
      this.#halt(session);
      this.#sessions.delete(session.serial);
      if (this.#focused === session.serial) this.#focused = null;
    }
    if (this.#sessions.size === 0) {
      this.#paused = false;
      if (this.#idleTimer) clearInterval(this.#idleTimer);
      this.#idleTimer = null;
    }
    this.#changed();
    return this.tiles();
  }

  pause(paused: boolean): CastTilesReply {
    if (paused === this.#paused) return this.tiles();
    this.#paused = paused;
    for (const session of this.#sessions.values()) {
      if (paused) {
        this.#halt(session);
        this.#setState(session, 'paused', null);
      } else {
        void this.#run(session);
      }
    }
    this.#changed();
    return this.tiles();
  }

  /** The large view: that headset streams at FOCUS_QUALITY, the one before goes back to the wall's. */
  focus(serial: string | null): CastTilesReply {
    if (serial === this.#focused) return this.tiles();
    const previous = this.#focused === null ? undefined : this.#sessions.get(this.#focused);
    this.#focused = serial !== null && this.#sessions.has(serial) ? serial : null;
    if (previous) this.#restart(previous);
    const next = this.#focused === null ? undefined : this.#sessions.get(this.#focused);
    if (next) this.#restart(next);
    return this.tiles();
  }

  async details(serial: string): Promise<{ serial: string; foreground_package: string | null; awake: boolean | null }> {
    const [foreground, wake] = await Promise.all([this.#deps.foregroundPackage(serial).catch(() => null), this.#deps.wakefulness(serial).catch(() => null)]);
    return { serial, foreground_package: foreground, awake: wake === null ? null : wake === 'awake' };
  }

  /**
   * Packets after each cursor. With `waitMs`, waits (bounded) until there is something new, so the wall
   * gets a frame as soon as it arrives without polling fast.
   */
  async pull(cursors: Readonly<Record<string, number>>, waitMs: number): Promise<CastPullReply> {
    this.#lastPullAt = Date.now();
    let reply = this.#collect(cursors);
    if (reply.packets.length > 0 || waitMs <= 0) return reply;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, waitMs);
      this.#waiters.add(wake);
    });
    reply = this.#collect(cursors);
    return reply;
  }

  /** Headset list changes: a headset that left is shown as disconnected; one that came back resumes. */
  onHeadsets(present: ReadonlySet<string>): void {
    for (const session of this.#sessions.values()) {
      if (!present.has(session.serial)) {
        if (session.state !== 'disconnected' && session.state !== 'paused') {
          this.#halt(session);
          this.#setState(session, 'disconnected', 'The headset left the cart; casting resumes when it is back.');
        }
      } else if (session.state === 'disconnected' && !this.#paused) {
        this.#halt(session);
        void this.#run(session);
      }
    }
  }

  /** Video handed to windows since start (bytes of H.264 before base64), for the benchmark and diagnostics. */
  stats(): { bytesPulled: number; packetsPulled: number } {
    return { bytesPulled: this.#pulled.bytes, packetsPulled: this.#pulled.packets };
  }

  shutdown(): void {
    this.stop();
  }

  // ---- internals -----------------------------------------------------------------------------------

  #watchIdle(): void {
    const idleMs = this.#timing.idleStopMs;
    if (this.#idleTimer || idleMs === undefined) return;
    this.#idleTimer = setInterval(() => {
      if (this.#sessions.size === 0 || Date.now() - this.#lastPullAt < idleMs) return;
      this.#deps.log(`cast: no window pulled pictures for ${Math.round(idleMs / 1000)} s; casting stops`);
      this.stop();
    }, Math.min(5000, idleMs / 2));
    this.#idleTimer.unref?.();
  }

  #collect(cursors: Readonly<Record<string, number>>): CastPullReply {
    const packets: CastPacket[] = [];
    const reset: string[] = [];
    let bytes = 0;
    for (const [serial, cursor] of Object.entries(cursors)) {
      const session = this.#sessions.get(serial);
      if (!session) continue;
      const next = session.buffer.since(cursor);
      const size = next.packets.reduce((sum, p) => sum + p.data.length, 0);
      if (next.packets.length === 0 || (bytes > 0 && bytes + size > MAX_PULL_BYTES)) continue;
      bytes += size;
      this.#pulled.bytes += size;
      this.#pulled.packets += next.packets.length;
      if (next.reset) reset.push(serial);
      for (const p of next.packets) packets.push({ serial, seq: p.seq, kind: p.kind, pts_us: p.ptsUs, data: Buffer.from(p.data).toString('base64') });
    }
    return { tiles: this.tiles().tiles, packets, reset };
  }

  #tile(session: CastSession): CastTile {
    const now = this.#deps.now().getTime();
    const recent = session.frameTimes.filter((t) => now - t <= 5000);
    return {
      serial: session.serial,
      state: session.state,
      width: session.width,
      height: session.height,
      fps: Math.round((recent.length / 5) * 10) / 10,
      focused: this.#focused === session.serial,
      bad_frames: session.badFrames,
      message: session.message,
      since: session.since.toISOString(),
    };
  }

  #changed(): void {
    for (const wake of [...this.#waiters]) wake();
    this.#deps.onSummary(this.summary());
  }

  #setState(session: CastSession, state: CastState, message: string | null): void {
    if (session.state === state && session.message === message) return;
    session.state = state;
    session.message = message;
    session.since = this.#deps.now();
    for (const wake of [...this.#waiters]) wake();
  }

  /** Stops whatever the session runs (stream, timers) without forgetting it. */
  #halt(session: CastSession): void {
    session.generation += 1;
    if (session.timer) clearTimeout(session.timer);
    if (session.watchdog) clearInterval(session.watchdog);
    session.timer = null;
    session.watchdog = null;
    const stream = session.stream;
    session.stream = null;
    if (stream) void stream.close().catch((error: unknown) => this.#deps.log(`cast: closing ${session.serial} failed`, error));
  }

  #restart(session: CastSession): void {
    if (this.#paused) return;
    this.#halt(session);
    session.failures = 0;
    void this.#run(session);
  }

  #later(session: CastSession, ms: number, generation: number): void {
    if (session.timer) clearTimeout(session.timer);
    session.timer = setTimeout(() => {
      session.timer = null;
      if (session.generation === generation && this.#sessions.get(session.serial) === session) void this.#run(session);
    }, ms);
  }

  /** A start failed or the stream broke: retry while the headset is there, up to the bound. */
  #retry(session: CastSession, generation: number, message: string, waiting: CastState = 'connecting'): void {
    if (!this.#deps.present(session.serial)) {
      this.#setState(session, 'disconnected', 'The headset left the cart; casting resumes when it is back.');
      return;
    }
    const wait = this.#timing.retryMs[session.failures];
    session.failures += 1;
    if (wait === undefined) {
      this.#setState(session, 'error', message);
      return;
    }
    this.#setState(session, waiting, message);
    this.#later(session, wait, generation);
  }

  async #run(session: CastSession): Promise<void> {
    session.generation += 1;
    const generation = session.generation;
    const current = () => session.generation === generation && this.#sessions.get(session.serial) === session;
    if (this.#paused) {
      this.#setState(session, 'paused', null);
      return;
    }
    if (!this.#deps.present(session.serial)) {
      this.#setState(session, 'disconnected', 'The headset is not connected; casting starts when it is.');
      return;
    }
    const server = await this.#deps.server();
    if (!current()) return;
    if (!server.ok) {
      this.#setState(session, 'server_missing', server.message);
      return;
    }
    const wake = await this.#deps.wakefulness(session.serial).catch(() => null);
    if (!current()) return;
    if (wake === 'asleep') {
      this.#setState(session, 'asleep', null);
      this.#later(session, this.#timing.asleepPollMs, generation);
      return;
    }
    if (session.state !== 'connecting') this.#setState(session, 'connecting', null);
    const focused = this.#focused === session.serial;
    const quality = focused ? FOCUS_QUALITY : WALL_QUALITY;
    const display = this.#eye === 'left' ? await this.#deps.displaySize(session.serial).catch(() => null) : null;
    if (!current()) return;
    const options: MirrorOptions = { ...quality, crop: this.#eye === 'left' && display ? eyeCrop(display) : null };
    const started = await this.#deps.mirror.start(session.serial, server.bytes, options);
    if (!current()) {
      if (started.ok) void started.stream.close();
      return;
    }
    if (!started.ok) {
      if (started.reason === 'server_exited') {
        const line = errorLine(started.output);
        if (/Could not find class|ClassNotFoundException/.test(line) && server.source === 'stand-in') {
          this.#setState(session, 'server_missing', 'This kiosk has only the stand-in casting component (for emulated headsets); a real headset needs the packaged app.');
        } else {
          this.#setState(session, 'unsupported', line || 'The casting component stopped at once.');
        }
        return;
      }
      this.#retry(session, generation, started.message);
      return;
    }
    const stream = started.stream;
    session.stream = stream;
    session.width = stream.width;
    session.height = stream.height;
    session.buffer.clear();
    session.lastPacketAt = Date.now();
    this.#watch(session, generation);
    await this.#read(session, stream, generation);
  }

  /** Stall watchdog: no frame for stallMs → asleep (the headset says so) or restart. */
  #watch(session: CastSession, generation: number): void {
    let checking = false;
    session.watchdog = setInterval(() => {
      if (checking || session.generation !== generation) return;
      if (Date.now() - session.lastPacketAt < this.#timing.stallMs) return;
      checking = true;
      void this.#deps
        .wakefulness(session.serial)
        .catch(() => null)
        .then((wake) => {
          checking = false;
          if (session.generation !== generation) return;
          if (wake === 'asleep') {
            // The stream stays open: when someone puts the headset on, frames (a key frame first) come back.
            this.#setState(session, 'asleep', null);
            session.lastPacketAt = Date.now();
            return;
          }
          this.#halt(session);
          this.#retry(session, session.generation, 'No picture from the headset; trying again.', 'stalled');
        });
    }, Math.min(1000, this.#timing.stallMs / 2));
  }

  async #read(session: CastSession, stream: MirrorStream, generation: number): Promise<void> {
    let failure: unknown = null;
    try {
      for (;;) {
        const packet = await stream.next();
        if (session.generation !== generation) return;
        if (packet === null) break;
        const outcome = session.buffer.push(packet);
        if (outcome === 'bad') session.badFrames += 1;
        if (packet.type === 'data') {
          session.lastPacketAt = Date.now();
          if (outcome !== 'bad') {
            session.frameTimes.push(this.#deps.now().getTime());
            if (session.frameTimes.length > 200) session.frameTimes.splice(0, session.frameTimes.length - 200);
          }
          if (session.state !== 'live' && outcome === 'stored') {
            session.failures = 0;
            this.#setState(session, 'live', null);
          }
        }
        for (const wake of [...this.#waiters]) wake();
      }
    } catch (error) {
      failure = error;
    }
    if (session.generation !== generation) return;
    this.#halt(session);
    const message = failure === null ? 'The headset ended the stream.' : `The link to the headset broke: ${failure instanceof Error ? failure.message : String(failure)}`;
    this.#retry(session, session.generation, message);
  }
}
