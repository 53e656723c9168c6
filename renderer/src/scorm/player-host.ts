import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import { parseNavRequest } from '../../../shared/scorm/flow-navigation';
import type { NavRequest } from '../../../shared/scorm/flow-navigation';
import { launchCmi } from '../../../shared/scorm/launch-cmi';
import { PLAYER_CHANNEL, shellMessageSchema } from '../../../shared/scorm/player-messages';
import type { AppMessage, NavValidity, PlayerCommit } from '../../../shared/scorm/player-messages';
import { itemCmi, sharedDataStores } from '../../../shared/scorm/sco-keys';
import { totalSeconds, totalTimeKey } from '../../../shared/scorm/scorm-time';
import type { CourseItem } from '../../../shared/scorm/course-manifest';
import type { DataPorts } from '../data/data-ports';
import { commitScormRuntime } from '../data/scorm-session-commit';
import { findScormSession } from '../data/scorm-session-queries';
import { saveScormSequencing } from '../data/scorm-session-sequencing';
import type { ScormCourseRow } from '../db/schema-v7';
import type { PendingCommits } from './pending-commits';
import type { Decision, NavigationState, PlayerNavigator } from './sequencing-navigator';

/**
 * The same item is opened by the course itself (a post-condition retry, a SCO's request) at most this many
 * times in a row without the learner doing anything: a course that retries a SCO that ends itself at
 * once would otherwise relaunch it forever (docs/decisions.md).
 */
export const MAX_AUTOMATIC_LAUNCHES = 50;

export interface PlayerLearner {
  readonly id: string;
  readonly tenant_id: string;
  readonly display_name: string;
}

/** What the player's buttons and table of contents may do now. */
export interface PlayerNavigation {
  readonly previous: boolean;
  readonly next: boolean;
  /** Items the table of contents may open ("all": nothing restricts choice). */
  readonly choosable: ReadonlySet<string> | 'all';
  /** A request is being carried out (presses meanwhile are ignored), or the player is closing. */
  readonly busy: boolean;
  /** Nothing is on screen and the last request opened nothing (refused, or nothing left that may be opened). */
  readonly stuck: boolean;
  /**
   * Buttons the item on screen asks the player not to show (2004 hideLMSUI "previous" / "continue"): the
   * SCO offers its own. Exit is always shown: a kiosk never leaves a learner without a way out.
   */
  readonly hidden: { readonly previous: boolean; readonly next: boolean };
}

export interface PlayerHostOptions {
  readonly ports: DataPorts;
  readonly course: ScormCourseRow;
  readonly sessionId: string;
  readonly learner: PlayerLearner;
  /** The course origin the launch URL points at: the only origin whose messages count. */
  readonly origin: string;
  /** The shell's window (the player iframe's contentWindow): the only source whose messages count. */
  readonly shell: () => Window | null;
  readonly onItem: (itemId: string | null) => void;
  readonly onError: (code: string) => void;
  readonly onFinished: () => void;
  readonly onNavigation?: (navigation: PlayerNavigation) => void;
  readonly newId: () => string;
  /** The app's write-ahead copy of received commits (see pending-commits.ts). */
  readonly pending: PendingCommits;
}

/**
 * The app's side of the player: validates each message from the shell (origin, source, schema), saves
 * commits through the data layer in order and acknowledges them, and asks the navigator (SCORM 2004
 * sequencing, or 1.2 flow) what plays next. A learner's request first closes the item on screen and waits
 * for its last commit, so sequencing decides on what the SCO really reported.
 */
export class PlayerHost {
  readonly items: CourseItem[];
  #chain: Promise<void> = Promise.resolve();
  #navigator: PlayerNavigator | null = null;
  #current: string | null = null;
  #exited: (() => void) | null = null;
  #exiting = false;
  #busy = false;
  #ended = false;
  #onScreen = false;
  #stuck = false;
  /** The sequencing state changed since it was last saved. */
  #dirty = false;
  /** An item whose new attempt has not committed yet: its previous attempt's data is dropped when the state is saved. */
  #freshItem: string | null = null;
  #sitting: string | null = null;
  /** cmi.exit of the current sitting's last commit (how the SCO said it leaves). */
  #lastExit = '';
  /** The data model the current sitting started with. */
  #launched: Readonly<Record<string, string>> = {};
  /** How many times in a row the course itself opened the same item, since the learner last asked for something. */
  #automatic = 0;

  constructor(private readonly options: PlayerHostOptions) {
    this.items = launchableItems(playedOrganization(options.course).items);
  }

  /** window 'message' listener. */
  readonly onMessage = (event: MessageEvent): void => {
    if (event.origin !== this.options.origin || event.source === null || event.source !== this.options.shell()) return;
    const parsed = shellMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    // Before anything asynchronous: if the window closes now, the next launch still has this commit.
    if (message.type === 'commit') this.options.pending.add(message.commit);
    this.#chain = this.#chain
      .then(async () => {
        if (message.type === 'ready') {
          await this.#start(message.recovered);
        } else if (message.type === 'commit') {
          await this.#save(message.commit);
          // Only the sitting on screen may navigate: an item the app itself closed to open another must not.
          if (message.terminated && message.commit.sitting_id === this.#sitting && !this.#busy && !this.#exiting) {
            await this.#afterTerminate(message.nav_request, message.commit.cmi['cmi.exit'] ?? '');
          }
        } else {
          this.#exited?.();
        }
      })
      .catch(() => this.options.onError('COMMIT_FAILED'));
  };

  #post(message: AppMessage): void {
    this.options.shell()?.postMessage(message, this.options.origin);
  }

  async #start(recovered: readonly PlayerCommit[]): Promise<void> {
    // The sequencing engine (scorm-again) is loaded with the first course played, not with the app.
    const { createNavigator } = await import('./sequencing-navigator');
    const navigator = createNavigator(this.options.course);
    navigator.restore(await this.#cmi());
    this.#navigator = navigator;
    for (const commit of [...this.options.pending.list(), ...recovered]) await this.#save(commit);
    await this.#apply(navigator.begin(await this.#cmi()));
  }

  async #save(commit: PlayerCommit): Promise<void> {
    const navigator = this.#navigator;
    const thisSitting = commit.sitting_id === this.#sitting;
    const launchTotal = thisSitting ? totalSeconds(this.#launched[totalTimeKey(this.options.course.version)]) : undefined;
    navigator?.report(commit.item_id, commit.cmi, thisSitting ? this.#launched : {});
    const sequencing = navigator?.outcome();
    const outcome = await commitScormRuntime(this.options.ports, this.options.learner, this.options.sessionId, {
      sittingId: commit.sitting_id,
      seq: commit.seq,
      itemId: commit.item_id,
      cmi: commit.cmi,
      sessionSeconds: commit.session_seconds,
      ...(launchTotal === undefined ? {} : { launchTotalSeconds: launchTotal }),
      ...(sequencing ? { sequencing } : {}),
    });
    if (!outcome.ok) {
      this.options.onError(outcome.error);
      return;
    }
    if (outcome.applied) {
      this.#dirty = false;
      if (commit.item_id === this.#freshItem) this.#freshItem = null;
    }
    if (commit.sitting_id === this.#sitting) this.#lastExit = commit.cmi['cmi.exit'] ?? '';
    this.options.pending.remove(commit);
    this.#post({ channel: PLAYER_CHANNEL, type: 'ack', sitting_id: commit.sitting_id, seq: commit.seq });
    this.#publish();
  }

  async #cmi(): Promise<Record<string, string>> {
    return (await findScormSession(this.options.ports.db, this.options.sessionId))?.cmi_data ?? {};
  }

  /** Saves the sequencing state when no commit has carried it since it changed. */
  async #persist(): Promise<void> {
    const sequencing = this.#navigator?.outcome();
    if (!sequencing || (!this.#dirty && this.#freshItem === null)) return;
    const saved = await saveScormSequencing(this.options.ports, this.options.learner, this.options.sessionId, sequencing, this.#freshItem ?? undefined);
    if (!saved.ok) return this.options.onError(saved.error);
    this.#dirty = false;
    this.#freshItem = null;
  }

  /** `known`: the navigation state already asked of the engine for the item now current (it is asked once). */
  #publish(known?: NavigationState): void {
    const navigator = this.#navigator;
    if (!navigator || !this.options.onNavigation) return;
    // While a request is carried out the buttons stay as they are (a pressed button keeps the keyboard focus); further presses wait for nothing, they are ignored.
    const live = !this.#exiting && !this.#ended;
    const state = known ?? navigator.navigation(this.#current);
    const hide = this.items.find((item) => item.identifier === this.#current)?.hide_lms_ui ?? [];
    this.options.onNavigation({
      previous: live && state.previous,
      next: live && state.next,
      choosable: live ? state.choosable : new Set(),
      busy: this.#busy || !live,
      stuck: this.#stuck,
      hidden: { previous: hide.includes('previous'), next: hide.includes('continue') },
    });
  }

  async #apply(decision: Decision): Promise<void> {
    if (this.#navigator?.sequenced) this.#dirty = true;
    if (decision.kind === 'end') {
      this.#ended = true;
      await this.#persist();
      this.#current = null;
      this.options.onItem(null);
      this.options.onFinished();
      return;
    }
    const item = decision.kind === 'deliver' ? this.items.find((candidate) => candidate.identifier === decision.itemId) : undefined;
    if (decision.kind === 'deliver' && item?.launch) {
      await this.#open(item, decision.newAttempt, decision.objectives);
      return;
    }
    // Nothing opens: the SCO that ended stays on screen; if the learner's request closed it, say so.
    this.#stuck = !this.#onScreen;
    this.#publish();
  }

  /** Starts an item in the shell (a new sitting). A new attempt starts from an empty data model. */
  async #open(item: CourseItem, newAttempt: boolean, objectives: Readonly<Record<string, string>>): Promise<void> {
    const cmi = await this.#cmi();
    const multi = this.items.length > 1;
    const { learner, course } = this.options;
    const stored = newAttempt ? {} : itemCmi(cmi, item.identifier, multi);
    const launch = launchCmi(course.version, item, stored, { id: learner.id, name: learner.display_name });
    // The objectives sequencing knows for this activity (its own and those read from global objectives), unless the SCO has its own.
    if (!Object.keys(stored).some((key) => key.startsWith('cmi.objectives.'))) Object.assign(launch, objectives);
    this.#launched = launch;
    this.#freshItem = newAttempt ? item.identifier : null;
    this.#current = item.identifier;
    this.#sitting = this.options.newId();
    this.#lastExit = '';
    this.#onScreen = true;
    this.#stuck = false;
    this.options.onItem(item.identifier);
    const state = this.#navigator?.navigation(this.#current);
    this.#post({
      channel: PLAYER_CHANNEL,
      type: 'init',
      sitting_id: this.#sitting,
      version: course.version,
      item: { identifier: item.identifier, title: item.title, launch: item.launch ?? '', scorm_type: item.scorm_type ?? 'asset' },
      cmi: launch,
      ...(state ? this.#navValidity(state) : {}),
      ...(course.version === '2004' && item.shared_data?.length ? { shared_data: { maps: [...item.shared_data], stores: sharedDataStores(item.shared_data, cmi) } } : {}),
    });
    this.#publish(state);
  }

  /** SCORM 2004: what the SCO reads as adl.nav.request_valid.*, from sequencing as the item starts. */
  #navValidity(state: NavigationState): { nav_valid?: NavValidity } {
    if (this.options.course.version !== '2004') return {};
    const choice = Object.fromEntries(this.items.map((item) => [item.identifier, state.choosable === 'all' || state.choosable.has(item.identifier)]));
    return { nav_valid: { continue: state.next, previous: state.previous, choice } };
  }

  /** The learner chose an item in the table of contents. */
  async choose(itemId: string): Promise<void> {
    await this.#learnerRequest({ kind: 'choice', target: itemId, jump: false });
  }

  /** Previous (-1) or Next (1). */
  async step(direction: 1 | -1): Promise<void> {
    await this.#learnerRequest(direction === 1 ? { kind: 'continue' } : { kind: 'previous' });
  }

  async #learnerRequest(request: NavRequest): Promise<void> {
    const navigator = this.#navigator;
    if (!navigator || this.#busy || this.#exiting || this.#ended || !this.#offered(navigator, request)) return;
    this.#automatic = 0;
    if (!navigator.sequenced) {
      // 1.2: tree order alone decides; nowhere to go is a no-op, and opening an item ends the one on screen.
      const decision = navigator.navigate(request, {}, this.#current, '');
      if (decision.kind === 'deliver') await this.#apply(decision);
      return;
    }
    this.#busy = true;
    this.#publish();
    try {
      await this.#chain;
      await this.#closeItem();
      await this.#apply(navigator.navigate(request, await this.#cmi(), this.#current, this.#lastExit));
    } catch {
      this.options.onError('COMMIT_FAILED');
    } finally {
      this.#busy = false;
      this.#publish();
    }
  }

  /** Only what the buttons and contents offer is carried out (the item on screen is not closed for a request sequencing refuses). */
  #offered(navigator: PlayerNavigator, request: NavRequest): boolean {
    const now = navigator.navigation(this.#current);
    if (request.kind === 'continue') return now.next;
    if (request.kind === 'previous') return now.previous;
    if (request.kind === 'choice') return now.choosable === 'all' || now.choosable.has(request.target);
    return false;
  }

  /** The SCO on screen ended its sitting (Terminate), with or without adl.nav.request. */
  async #afterTerminate(navRequest: string | undefined, exitType: string): Promise<void> {
    const navigator = this.#navigator;
    if (!navigator) return;
    const request = parseNavRequest(navRequest);
    const cmi = await this.#cmi();
    const current = this.#current;
    let decision = navigator.navigate(request, cmi, current, exitType);
    // A finished item in a multi-item course moves on by itself when its SCO asked for nothing else.
    const quiet = request.kind === 'terminated' || (navigator.sequenced && request.kind === 'exit');
    if (decision.kind === 'none' && quiet && this.items.length > 1 && current !== null && navigator.completed(current, cmi)) {
      decision = navigator.navigate({ kind: 'continue' }, cmi, current, exitType);
    }
    this.#automatic = decision.kind === 'deliver' && decision.itemId === current ? this.#automatic + 1 : 0;
    if (this.#automatic >= MAX_AUTOMATIC_LAUNCHES) {
      this.options.onError('TOO_MANY_LAUNCHES');
      decision = { kind: 'none', exception: null };
    }
    await this.#apply(decision);
  }

  /** Asks the shell to end the item on screen (its course commits and terminates) and waits for that, at most `timeoutMs`. */
  async #closeItem(timeoutMs = 5000): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      this.#exited = resolve;
      setTimeout(resolve, timeoutMs);
    });
    this.#post({ channel: PLAYER_CHANNEL, type: 'exit' });
    await exited;
    await this.#chain;
    this.#onScreen = false;
  }

  /**
   * Exit ("Save and exit"): the shell commits and terminates the item; waits for that (at most
   * `timeoutMs`), saves, and for a sequenced course suspends it (the next launch resumes where it was).
   */
  async exit(timeoutMs = 5000): Promise<void> {
    this.#exiting = true;
    this.#publish();
    await this.#closeItem(timeoutMs);
    const navigator = this.#navigator;
    if (navigator?.sequenced && !this.#ended) {
      navigator.navigate({ kind: 'suspendAll' }, {}, this.#current, this.#lastExit);
      this.#dirty = true;
    }
    await this.#persist();
  }
}
