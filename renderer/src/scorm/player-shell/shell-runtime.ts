import { Scorm12API, Scorm2004API } from 'scorm-again';
import { sessionSeconds } from '../../../../shared/scorm/scorm-time';
import type { NavValidity, PlayerCommit, SharedData } from '../../../../shared/scorm/player-messages';

export interface CommitEvent {
  readonly commit: PlayerCommit;
  readonly terminated: boolean;
  readonly navRequest?: string;
}

type Api = Scorm12API | Scorm2004API;
type Flat = Record<string, unknown>;

const asStrings = (flat: Flat): Record<string, string> =>
  Object.fromEntries(Object.entries(flat).flatMap(([key, value]) => (value === null || value === undefined || typeof value === 'object' ? [] : [[key, String(value)]])));

/**
 * One item's run-time: a scorm-again API (window.API for 1.2, window.API_1484_11 for 2004) loaded with the
 * item's data model. scorm-again never talks to a server here: its commits go through `httpService` to
 * `onCommit`, which journals them and posts them to the app.
 */
export class ShellRuntime {
  readonly api: Api;
  #seq = 0;
  #navRequest: string | undefined;
  readonly #started = Date.now();

  constructor(
    readonly version: '1.2' | '2004',
    readonly itemId: string,
    readonly sittingId: string,
    cmi: Record<string, string>,
    private readonly onCommit: (event: CommitEvent) => void,
    navValid?: NavValidity,
    sharedData?: SharedData,
  ) {
    // adl.nav.request_valid.choice/jump.{target=ID}: scorm-again asks this validator first (the shell has no activity tree).
    const validator = navValid ? { scoItemIdValidator: (target: string) => navValid.choice[target] === true } : {};
    const settings = { autocommit: false, lmsCommitUrl: 'outpost:commit', dataCommitFormat: 'flattened', renderCommonCommitFields: false, sendFullCommit: true, logLevel: 5 as const, ...validator };
    const http = {
      processHttpRequest: (_url: string, params: unknown, immediate: boolean, ...rest: unknown[]) => {
        const metadata = rest[2] as { isTerminateCommit?: boolean } | undefined;
        this.#emit(params as Flat, metadata?.isTerminateCommit ?? immediate);
        return { result: 'true', errorCode: 0 };
      },
      updateSettings: () => undefined,
    };
    this.api = version === '1.2' ? new Scorm12API(settings, http) : new Scorm2004API(settings, http);
    this.api.loadFromFlattenedJSON(cmi, '');
    // adl.data.n (4th edition shared data): the item's maps over the stores the app keeps for the session.
    if (sharedData && this.api instanceof Scorm2004API) {
      this.api.adl.restoreSharedDataSnapshot(sharedData.stores);
      this.api.adl.configureSharedDataMaps(sharedData.maps.map((map) => ({ targetID: map.target_id, readSharedData: map.read, writeSharedData: map.write })));
    }
    // adl.nav.request_valid.continue/previous are read-only once initialized: set as the item starts, from the app's sequencing.
    if (navValid && this.api instanceof Scorm2004API) {
      this.api.adl.nav.request_valid.continue = navValid.continue ? 'true' : 'false';
      this.api.adl.nav.request_valid.previous = navValid.previous ? 'true' : 'false';
    }
    this.api.on('SetValue.adl.nav.request', (_element: string, value: unknown) => {
      this.#navRequest = String(value);
    });
  }

  install(target: Window & { API?: unknown; API_1484_11?: unknown }): void {
    if (this.version === '1.2') target.API = this.api;
    else target.API_1484_11 = this.api;
  }

  get live(): boolean {
    return this.api.isInitialized() && !this.api.isTerminated();
  }

  /** Ends the sitting if the course did not (the learner pressed Exit, or the window is closing). */
  finish(): void {
    if (this.live) this.api.lmsFinish();
  }

  /** An asset has no run-time: opening it completes it (without ending the sitting, so nothing moves on by itself). */
  completeAsset(): void {
    const cmi = this.version === '1.2' ? { 'cmi.core.lesson_status': 'completed' } : { 'cmi.completion_status': 'completed' };
    this.#emit(cmi, false);
  }

  #emit(flat: Flat, terminated: boolean): void {
    const cmi = asStrings(flat);
    const reported = sessionSeconds(cmi['cmi.core.session_time'] ?? cmi['cmi.session_time']);
    const wall = Math.round((Date.now() - this.#started) / 1000);
    this.#seq += 1;
    this.onCommit({
      commit: { sitting_id: this.sittingId, seq: this.#seq, item_id: this.itemId, cmi, session_seconds: reported > 0 ? reported : wall },
      terminated,
      ...(terminated && this.#navRequest ? { navRequest: this.#navRequest } : {}),
    });
  }
}
