import { join } from 'node:path';
import { LAN_LIMITS } from '../../../shared/scorm/lan-wire';
import type { ScormLanConfigure, ScormLanDeliver, ScormLanRequest, ScormLanRespond, ScormLanStatus } from '../../../shared/scorm/lan-wire';
import type { LaunchSigner } from '../scorm/launch-token';
import { allowedLanHosts, lanOrigins, osNetwork } from './lan-network';
import type { LanNetwork } from './lan-network';
import { LanRelay } from './lan-relay';
import { createLanRoutes } from './lan-routes';
import { ListenError, startLanServer } from './lan-server';
import type { LanServer } from './lan-server';
import { lanSettingsStore } from './lan-settings';
import { LanSittings } from './lan-sittings';

export interface ScormLanBind {
  /** Address to listen on instead of every interface (0.0.0.0); serve-mode tests use 127.0.0.1. */
  readonly host?: string;
  /** Port to listen on instead of the instructor's (0: any free port). */
  readonly port?: number;
}

export interface ScormLanDeps {
  readonly dataDir: string;
  /** The course host's signer: tokens of the LAN shell are the kiosk's own kind. */
  readonly signer: LaunchSigner;
  readonly filesDir: (packageId: string) => Promise<string | null>;
  readonly emit: (request: ScormLanRequest) => void;
  readonly now: () => Date;
  readonly log: (message: string, error?: unknown) => void;
  readonly network?: LanNetwork;
  /** Shorter waits for tests; the defaults are LAN_LIMITS' and the relay's. */
  readonly timing?: { readonly pollWaitMs?: number; readonly sittingIdleMs?: number; readonly sweepIntervalMs?: number; readonly answerTimeoutMs?: number };
}

/** How often idle sittings are looked for. */
export const LAN_SWEEP_INTERVAL_MS = 10_000;

/**
 * Handing dispatched courses to an LMS on the school's network (docs/scorm-lan.md): the opt-in listener,
 * the sittings it serves, and the relay to the kiosk window that runs them. Off until the instructor turns
 * it on; the choice (and port) is kept in `<data folder>/scorm-lan.json` and resumed at start.
 */
export class ScormLanService {
  readonly relay: LanRelay;
  readonly sittings: LanSittings;
  readonly #store;
  readonly #network: LanNetwork;
  readonly #handle: (request: Request) => Promise<Response>;
  #server: LanServer | null = null;
  /** The port asked for when the server was started (the instructor's, or the bind override). */
  #listeningFor: number | null = null;
  #error: string | null = null;
  #rendererDir: string | null = null;
  #bind: ScormLanBind = {};
  #sweeper: ReturnType<typeof setInterval> | null = null;
  #ops: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ScormLanDeps) {
    const nowMs = () => deps.now().getTime();
    this.#store = lanSettingsStore(join(deps.dataDir, 'scorm-lan.json'));
    this.#network = deps.network ?? osNetwork;
    this.relay = new LanRelay({ emit: deps.emit, nowMs, ...(deps.timing?.answerTimeoutMs ? { answerTimeoutMs: deps.timing.answerTimeoutMs } : {}) });
    this.sittings = new LanSittings(nowMs);
    this.#handle = createLanRoutes({
      relay: this.relay,
      sittings: this.sittings,
      signer: deps.signer,
      filesDir: deps.filesDir,
      rendererDir: () => this.#rendererDir,
      pollWaitMs: deps.timing?.pollWaitMs ?? LAN_LIMITS.pollWaitMs,
    });
  }

  /**
   * Set by the host before `resume()`: the built renderer (the shell and the host page), and where to
   * listen when not on every interface at the instructor's port (serve-mode tests: 127.0.0.1, port 0).
   * A new bind applies the next time the listener starts.
   */
  configureHost(config: { readonly rendererDir: string; readonly bind?: ScormLanBind }): void {
    this.#rendererDir = config.rendererDir;
    this.#bind = config.bind ?? {};
  }

  get port(): number | null {
    return this.#server?.port ?? null;
  }

  /** At start: listens again if the instructor left sharing on. */
  resume(): Promise<ScormLanStatus> {
    return this.#serially(async () => {
      const settings = await this.#store.read();
      if (settings.enabled) await this.#listen(settings.port);
      return this.#status();
    });
  }

  status(): Promise<ScormLanStatus> {
    return this.#serially(() => this.#status());
  }

  configure(request: ScormLanConfigure): Promise<ScormLanStatus> {
    return this.#serially(async () => {
      const current = await this.#store.read();
      const next = { enabled: request.enabled, port: request.port ?? current.port };
      await this.#store.write(next);
      if (!next.enabled) {
        await this.#stopListening();
        this.#error = null;
      } else if (this.#server === null || this.#listeningFor !== this.#effectivePort(next.port)) {
        await this.#stopListening();
        await this.#listen(next.port);
      }
      return this.#status();
    });
  }

  attach(responder: string): { lease_ms: number } {
    this.relay.attach(responder);
    return { lease_ms: this.relay.leaseMs };
  }

  respond(answer: ScormLanRespond): { accepted: boolean } {
    return { accepted: this.relay.respond(answer) };
  }

  /** Messages of the kiosk window for a sitting's page; refused for a sitting main does not (or no longer) serve. */
  deliver(request: ScormLanDeliver): { accepted: boolean } {
    const sitting = this.sittings.get(request.session_id);
    return { accepted: sitting !== null && sitting.mailbox.deliver(request.messages) };
  }

  /** Closes sittings whose page stopped polling, and tells the window. */
  sweep(): string[] {
    const idle = this.sittings.idle(this.deps.timing?.sittingIdleMs ?? LAN_LIMITS.sittingIdleMs);
    for (const sid of idle) this.#closeSitting(sid);
    return idle;
  }

  /** App quit: the listener and every sitting go; requests waiting for the window end. */
  stop(): Promise<void> {
    return this.#serially(async () => {
      await this.#stopListening();
      this.relay.close();
    });
  }

  #effectivePort(port: number): number {
    return this.#bind.port ?? port;
  }

  async #listen(port: number): Promise<void> {
    const host = this.#bind.host ?? '0.0.0.0';
    const wanted = this.#effectivePort(port);
    try {
      this.#server = await startLanServer({
        handle: this.#handle,
        allowedHosts: (bound) => allowedLanHosts(this.#network, bound, this.#bind.host),
        host,
        port: wanted,
        log: this.deps.log,
      });
      this.#listeningFor = wanted;
      this.#error = null;
      this.#sweeper = setInterval(() => this.sweep(), this.deps.timing?.sweepIntervalMs ?? LAN_SWEEP_INTERVAL_MS);
      this.#sweeper.unref();
    } catch (error) {
      this.#error = error instanceof ListenError ? error.code : 'LISTEN_FAILED';
      this.deps.log(`Course sharing on the network could not listen on ${host}:${wanted} (${this.#error})`, error);
    }
  }

  async #stopListening(): Promise<void> {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = null;
    for (const sitting of this.sittings.all()) this.#closeSitting(sitting.sid);
    const server = this.#server;
    this.#server = null;
    this.#listeningFor = null;
    await server?.close();
  }

  #closeSitting(sid: string): void {
    if (this.sittings.close(sid)) this.relay.notify({ kind: 'close', session_id: sid });
  }

  async #status(): Promise<ScormLanStatus> {
    const settings = await this.#store.read();
    const server = this.#server;
    const port = server?.port ?? (this.#bind.port || settings.port);
    return {
      enabled: settings.enabled,
      port,
      listening: server !== null,
      origins: server ? lanOrigins(this.#network, server.port, this.#bind.host) : [],
      error: settings.enabled && !server ? (this.#error ?? 'NOT_STARTED') : null,
    };
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#ops.then(work, work);
    this.#ops = next.catch(() => undefined);
    return next;
  }
}
