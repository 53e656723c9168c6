import type { Headset } from '../../../shared/headsets/headset';
import type { LaunchResult } from '../../../shared/headsets/sideload-contract';
import { HEADSET_EXTRAS } from '../../../shared/headset-api/headset-api-wire';
import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import type { HeadsetBridge } from '../headsets/headset-bridge';
import { launchAndConfirm } from '../sideload/launch-and-confirm';
import type { ReversePorts } from './adb-reverse';
import { startHeadsetApiServer } from './headset-api-server';
import type { HeadsetApiServer } from './headset-api-server';
import { LaunchTokens } from './launch-tokens';
import { launcherWithExtras } from './launch-with-extras';
import { RateLimiter } from './rate-limit';
import { RendererRelay } from './renderer-relay';

export interface HeadsetApiDeps {
  readonly bridge: HeadsetBridge;
  readonly reverse: ReversePorts;
  readonly now: () => Date;
  readonly emit: (request: HeadsetApiRequest) => void;
  readonly log: (message: string, error?: unknown) => void;
  readonly answerTimeoutMs?: number;
  readonly confirmTimeoutMs?: number;
}

export interface HeadsetLaunchRequest {
  readonly serial: string;
  readonly package_name: string;
  readonly launch_activity: string | null;
  readonly headset_api_session_id?: string | undefined;
}

/**
 * Headsets report their own completion (docs/api/headset-api.md): the loopback server, the launch tokens,
 * the `adb reverse` port of each headset in the cart, and the relay to the renderer that applies reports.
 */
export class HeadsetApiService {
  readonly tokens: LaunchTokens;
  readonly relay: RendererRelay;
  #server: HeadsetApiServer | null = null;

  constructor(private readonly deps: HeadsetApiDeps) {
    const nowMs = () => deps.now().getTime();
    this.tokens = new LaunchTokens(nowMs);
    this.relay = new RendererRelay({ emit: deps.emit, nowMs, ...(deps.answerTimeoutMs ? { answerTimeoutMs: deps.answerTimeoutMs } : {}) });
  }

  get port(): number | null {
    return this.#server?.port ?? null;
  }

  async start(port = 0): Promise<number> {
    this.#server ??= await startHeadsetApiServer(
      { tokens: this.tokens, limiter: new RateLimiter(() => this.deps.now().getTime()), relay: this.relay, onSessionEnded: (id) => this.endSession(id) },
      { port, log: this.deps.log },
    );
    return this.#server.port;
  }

  attach(responder: string): { lease_ms: number } {
    this.relay.attach(responder);
    return { lease_ms: this.relay.leaseMs };
  }

  respond(answer: HeadsetApiRespond): { accepted: boolean } {
    return { accepted: this.relay.respond(answer) };
  }

  /** `headsets:launch`: a plain launch, or one whose app gets a token and a reverse port to report to. */
  async launch(request: HeadsetLaunchRequest): Promise<LaunchResult> {
    const { serial, package_name: pkg, launch_activity: activity } = request;
    const confirm = { now: this.deps.now, ...(this.deps.confirmTimeoutMs ? { confirmTimeoutMs: this.deps.confirmTimeoutMs } : {}) };
    const sessionId = request.headset_api_session_id;
    if (sessionId === undefined) return launchAndConfirm(this.deps.bridge, serial, pkg, activity, confirm);
    const port = this.port;
    if (port === null || !(await this.#openReverse(serial, port))) {
      const result = await launchAndConfirm(this.deps.bridge, serial, pkg, activity, confirm);
      return result.ok ? { ...result, headset_api: 'no_reverse' } : result;
    }
    const token = this.tokens.mint(serial, sessionId);
    const { launcher, carried } = launcherWithExtras(this.deps.bridge, {
      strings: { [HEADSET_EXTRAS.sessionId]: sessionId, [HEADSET_EXTRAS.token]: token },
      ints: { [HEADSET_EXTRAS.port]: port },
    });
    const result = await launchAndConfirm(launcher, serial, pkg, activity, confirm);
    if (result.ok && carried()) return { ...result, headset_api: 'ready' };
    this.#closeSerial(serial);
    return result.ok ? { ...result, headset_api: 'no_extras' } : result;
  }

  /** The session is over (the headset completed it): its token and its headset's reverse port go. */
  endSession(sessionId: string): void {
    for (const grant of this.tokens.revokeSession(sessionId)) this.#dropReverse(grant.serial);
  }

  /** headsets:changed: a headset that left the cart (unplugged, offline) loses its token and port. */
  onHeadsets(headsets: readonly Headset[]): void {
    const present = new Set(headsets.filter((h) => h.state === 'device').map((h) => h.serial));
    for (const serial of this.tokens.serials()) if (!present.has(serial)) this.#closeSerial(serial);
  }

  async stop(): Promise<void> {
    this.relay.close();
    await this.#server?.close();
    this.#server = null;
  }

  async #openReverse(serial: string, port: number): Promise<boolean> {
    try {
      // Same number on both sides: the app connects to its own localhost:port.
      await this.deps.reverse.reverse(serial, port, port);
      return true;
    } catch (error) {
      this.deps.log(`adb reverse failed on ${serial}; the app cannot report by itself`, error);
      return false;
    }
  }

  #closeSerial(serial: string): void {
    this.tokens.revokeSerial(serial);
    this.#dropReverse(serial);
  }

  #dropReverse(serial: string): void {
    const port = this.port;
    if (port === null) return;
    this.deps.reverse.removeReverse(serial, port).catch(() => undefined);
  }
}
