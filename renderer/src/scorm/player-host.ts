import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import { flowTarget, parseNavRequest } from '../../../shared/scorm/flow-navigation';
import { launchCmi } from '../../../shared/scorm/launch-cmi';
import { PLAYER_CHANNEL, shellMessageSchema } from '../../../shared/scorm/player-messages';
import type { AppMessage, PlayerCommit } from '../../../shared/scorm/player-messages';
import { CURRENT_ITEM_KEY, itemCmi } from '../../../shared/scorm/sco-keys';
import type { CourseItem } from '../../../shared/scorm/course-manifest';
import type { DataPorts } from '../data/data-ports';
import { commitScormRuntime } from '../data/scorm-session-commit';
import { findScormSession } from '../data/scorm-session-queries';
import type { ScormCourseRow } from '../db/schema-v7';
import { itemState } from './item-state';
import type { PendingCommits } from './pending-commits';

export interface PlayerLearner {
  readonly id: string;
  readonly tenant_id: string;
  readonly display_name: string;
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
  readonly newId: () => string;
  /** The app's write-ahead copy of received commits (see pending-commits.ts). */
  readonly pending: PendingCommits;
}

/**
 * The app's side of the player: validates each message from the shell (origin, source, schema), saves
 * commits through the data layer in order and acknowledges them, and decides which item plays next.
 */
export class PlayerHost {
  readonly items: CourseItem[];
  #chain: Promise<void> = Promise.resolve();
  #current: string | null = null;
  #exited: (() => void) | null = null;
  #exiting = false;
  #sitting: string | null = null;

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
    this.#chain = this.#chain.then(async () => {
      if (message.type === 'ready') {
        for (const commit of [...this.options.pending.list(), ...message.recovered]) await this.#save(commit);
        await this.open(await this.#resumeItem());
      } else if (message.type === 'commit') {
        await this.#save(message.commit);
        // Only the sitting on screen may navigate: an item the app itself closed to open another must not.
        if (message.terminated && message.commit.sitting_id === this.#sitting) await this.#afterTerminate(message.nav_request);
      } else {
        this.#exited?.();
      }
    }).catch(() => this.options.onError('COMMIT_FAILED'));
  };

  #post(message: AppMessage): void {
    this.options.shell()?.postMessage(message, this.options.origin);
  }

  async #save(commit: PlayerCommit): Promise<void> {
    const outcome = await commitScormRuntime(this.options.ports, this.options.learner, this.options.sessionId, {
      sittingId: commit.sitting_id,
      seq: commit.seq,
      itemId: commit.item_id,
      cmi: commit.cmi,
      sessionSeconds: commit.session_seconds,
    });
    if (!outcome.ok) {
      this.options.onError(outcome.error);
      return;
    }
    this.options.pending.remove(commit);
    this.#post({ channel: PLAYER_CHANNEL, type: 'ack', sitting_id: commit.sitting_id, seq: commit.seq });
  }

  async #cmi(): Promise<Record<string, string>> {
    return (await findScormSession(this.options.ports.db, this.options.sessionId))?.cmi_data ?? {};
  }

  #state(cmi: Record<string, string>) {
    return (id: string) => itemState(this.options.course.version, cmi, id, this.items.length > 1);
  }

  async #resumeItem(): Promise<CourseItem | null> {
    const cmi = await this.#cmi();
    const saved = this.items.find((item) => item.identifier === cmi[CURRENT_ITEM_KEY]);
    return saved ?? flowTarget(this.items, null, 1, this.#state(cmi)) ?? this.items[0] ?? null;
  }

  /** Starts an item in the shell (a new sitting), or ends the course when there is none. */
  async open(item: CourseItem | null): Promise<void> {
    if (!item || item.launch === null) {
      this.#current = null;
      this.options.onItem(null);
      this.options.onFinished();
      return;
    }
    const cmi = await this.#cmi();
    const multi = this.items.length > 1;
    const { learner, course } = this.options;
    this.#current = item.identifier;
    this.#sitting = this.options.newId();
    this.options.onItem(item.identifier);
    this.#post({
      channel: PLAYER_CHANNEL,
      type: 'init',
      sitting_id: this.#sitting,
      version: course.version,
      item: { identifier: item.identifier, title: item.title, launch: item.launch, scorm_type: item.scorm_type ?? 'asset' },
      cmi: launchCmi(course.version, item, itemCmi(cmi, item.identifier, multi), { id: learner.id, name: learner.display_name }),
    });
  }

  async choose(itemId: string): Promise<void> {
    await this.open(this.items.find((item) => item.identifier === itemId) ?? null);
  }

  async step(direction: 1 | -1): Promise<void> {
    const target = flowTarget(this.items, this.#current, direction, this.#state(await this.#cmi()));
    if (target) await this.open(target);
  }

  async #afterTerminate(navRequest: string | undefined): Promise<void> {
    if (this.#exiting) return;
    const request = parseNavRequest(navRequest);
    if (request.kind === 'exit') return this.options.onFinished();
    if (request.kind === 'choice') return this.choose(request.target);
    if (request.kind === 'previous') return this.step(-1);
    const cmi = await this.#cmi();
    const doneHere = this.#current !== null && this.#state(cmi)(this.#current).completed;
    // A 1.2 course (or a 2004 SCO without a request) that finished moves on by itself in a multi-item course.
    if (request.kind === 'continue' || (doneHere && this.items.length > 1)) {
      const next = flowTarget(this.items, this.#current, 1, this.#state(cmi));
      // Past the last item there is nothing left to play: the player closes as if the learner pressed Exit.
      if (next) await this.open(next);
      else this.options.onFinished();
    }
  }

  /** Exit: the shell commits and terminates the item; waits for that (at most `timeoutMs`), saves, then closes. */
  async exit(timeoutMs = 5000): Promise<void> {
    this.#exiting = true;
    const exited = new Promise<void>((resolve) => {
      this.#exited = resolve;
      setTimeout(resolve, timeoutMs);
    });
    this.#post({ channel: PLAYER_CHANNEL, type: 'exit' });
    await exited;
    await this.#chain;
  }
}
