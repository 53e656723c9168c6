import type { InstallTiming, SharedLink } from './link-model';

// Runtime fault switches. They are read at the moment they matter (CNXN, each
// DATA chunk, each install), so tests flip them on the live handle.

export interface FaultSwitches {
  /** Answer CNXN with AUTH and never accept: `adb devices` shows "unauthorized". */
  unauthorized: boolean;
  /** Cut the TCP connection once this many bytes of one sync SEND (or streamed install) arrived. */
  dropMidTransferAfterBytes: number | null;
  /** Cap on upload speed (sync DATA and streamed installs), enforced by delaying our OKAYs. */
  throttleBytesPerSecond: number | null;
  /** Every install fails with this code, e.g. 'INSTALL_FAILED_INTERNAL_ERROR' (text after ':' optional). */
  forcedInstallFailure: string | null;
  /**
   * Asleep or out of Wi-Fi range with the link still up: nothing is acknowledged or answered until it is
   * cleared (QuestHeadset.setAsleep(false) replays what arrived meanwhile).
   */
  asleep: boolean;
  /** Falls asleep once this many bytes of one upload arrived (the instructor's headset dozing mid-push). */
  asleepAfterBytes: number | null;
  /** The link the cart shares (access point, USB hub); uploads of every headset on it take turns. */
  sharedLink: SharedLink | null;
  /** Time pm takes per install; null installs at once (fast unit tests). */
  installTiming: InstallTiming | null;
  /** Screen casting (scrcpy-server.ts): the encoder stops producing frames, the stream stays open. */
  scrcpyStall: boolean;
  /** Screen casting: the headset drops off the link once this many frames were sent by one server run. */
  scrcpyDisconnectAfterFrames: number | null;
  /** Screen casting: the next frame sent is garbage (one-shot; cleared once sent). */
  scrcpyCorruptNextFrame: boolean;
  /** Screen casting: this firmware refuses to mirror; the server prints its exception and exits. */
  scrcpyMirroringBroken: boolean;
}

export function defaultFaults(): FaultSwitches {
  return {
    unauthorized: false,
    dropMidTransferAfterBytes: null,
    throttleBytesPerSecond: null,
    forcedInstallFailure: null,
    asleep: false,
    asleepAfterBytes: null,
    sharedLink: null,
    installTiming: null,
    scrcpyStall: false,
    scrcpyDisconnectAfterFrames: null,
    scrcpyCorruptNextFrame: false,
    scrcpyMirroringBroken: false,
  };
}

/** Keeps an upload at or under the throttle, measured from the start of that upload. */
export class UploadPacer {
  private readonly startedAt = Date.now();
  private bytes = 0;

  constructor(private readonly faults: FaultSwitches) {}

  get total(): number {
    return this.bytes;
  }

  async account(byteCount: number): Promise<void> {
    this.bytes += byteCount;
    const sleepAt = this.faults.asleepAfterBytes;
    if (sleepAt !== null && this.bytes >= sleepAt) this.faults.asleep = true;
    const rate = this.faults.throttleBytesPerSecond;
    let dueAt = rate === null || rate <= 0 ? 0 : this.startedAt + (this.bytes / rate) * 1000;
    if (this.faults.sharedLink !== null) dueAt = Math.max(dueAt, this.faults.sharedLink.reserve(byteCount));
    const wait = dueAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  exceedsDropLimit(): boolean {
    const limit = this.faults.dropMidTransferAfterBytes;
    return limit !== null && this.bytes >= limit;
  }
}
