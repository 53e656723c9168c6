import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { playedOrganization } from '../../../../shared/scorm/course-tree';
import type { CourseItem } from '../../../../shared/scorm/course-manifest';
import { LAN_CHANNEL, LAN_LIMITS, lanPageRequestSchema } from '../../../../shared/scorm/lan-wire';
import type { LanWindowNews, ScormLanRequest, ScormLanRespond } from '../../../../shared/scorm/lan-wire';
import { PLAYER_CHANNEL } from '../../../../shared/scorm/player-messages';
import { holdWindowLease } from '../../bridge/window-lease';
import type { DataPorts } from '../../data/data-ports';
import { launchForLms } from '../../data/scorm-lms-launch';
import { PendingCommits } from '../pending-commits';
import { PlayerHost } from '../player-host';
import type { PlayerNavigation } from '../player-host';

export interface LanChannels {
  invoke(channel: 'scorm-lan:attach', payload: RequestOf<'scorm-lan:attach'>): Promise<Result<ResponseOf<'scorm-lan:attach'>>>;
  invoke(channel: 'scorm-lan:respond', payload: RequestOf<'scorm-lan:respond'>): Promise<Result<ResponseOf<'scorm-lan:respond'>>>;
  invoke(channel: 'scorm-lan:deliver', payload: RequestOf<'scorm-lan:deliver'>): Promise<Result<ResponseOf<'scorm-lan:deliver'>>>;
  on(channel: 'scorm-lan:request', listener: (payload: ScormLanRequest) => void): () => void;
}

export interface LanResponderOptions {
  readonly responderId: string;
  readonly setTimer: (run: () => void, ms: number) => () => void;
  /** Where PlayerHost keeps its write-ahead copy of received commits (the window's localStorage). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** How long closing a sitting waits for its shell's last commit (its page may be gone). */
  readonly closeTimeoutMs?: number;
}

/** Stands in for the shell's window: what PlayerHost posts goes to the sitting's host page through main. */
class RemoteShell {
  constructor(private readonly send: (message: Record<string, unknown>) => void) {}
  postMessage(message: unknown): void {
    this.send(message as Record<string, unknown>);
  }
}

interface Sitting {
  host: PlayerHost;
  shell: RemoteShell;
  started: boolean;
  /** Its player has been asked to exit (Save and exit, the course's end, or its page gone). */
  exiting: boolean;
}

/** The played organization's launchable items as the host page's table of contents (tree order, with depth). */
function contents(items: readonly CourseItem[], depth = 0, out: Array<{ id: string; title: string; depth: number }> = []) {
  for (const item of items) {
    if (item.launch !== null) out.push({ id: item.identifier, title: item.title, depth });
    contents(item.children, depth + 1, out);
  }
  return out;
}

/**
 * This window's part of LAN hand-off (docs/scorm-lan.md): for each course a browser on the school's
 * network opened through a dispatch, it runs the same PlayerHost as a learner at the kiosk gets, with the
 * shell's window replaced by the sitting's host page, reached through main. So sequencing, saving every
 * commit with its outbox row, resume and sync are the kiosk's own; only the messages travel further.
 * Requests are applied one at a time in arrival order.
 */
export function startLanResponder(ipc: LanChannels, ports: DataPorts, options: LanResponderOptions): () => void {
  const sittings = new Map<string, Sitting>();
  // Deliveries keep their order per window (one chain), batched by what queued meanwhile.
  const outgoing = new Map<string, Record<string, unknown>[]>();
  let delivering: Promise<void> = Promise.resolve();
  const deliver = (sessionId: string, message: Record<string, unknown>) => {
    const queue = outgoing.get(sessionId) ?? [];
    queue.push(message);
    outgoing.set(sessionId, queue);
    delivering = delivering
      .then(async () => {
        const batch = outgoing.get(sessionId)?.splice(0, LAN_LIMITS.maxMessagesPerCall) ?? [];
        if (batch.length === 0) return;
        const reply = await ipc.invoke('scorm-lan:deliver', { session_id: sessionId, messages: batch });
        // Main no longer knows the sitting (its page went away): the player here closes too.
        if (reply.ok && !reply.value.accepted) close(sessionId);
      })
      .catch(() => undefined);
  };
  const news = (sessionId: string, message: LanWindowNews) => deliver(sessionId, message);

  const navNews = (navigation: PlayerNavigation, current: string | null): LanWindowNews => ({
    channel: LAN_CHANNEL,
    type: 'nav',
    previous: navigation.previous,
    next: navigation.next,
    hidden_previous: navigation.hidden.previous,
    hidden_next: navigation.hidden.next,
    choosable: navigation.choosable === 'all' ? 'all' : [...navigation.choosable],
    busy: navigation.busy,
    stuck: navigation.stuck,
    current,
  });

  const open = (sessionId: string, launch: Extract<Awaited<ReturnType<typeof launchForLms>>, { ok: true }>): Sitting => {
    let current: string | null = null;
    let navigation: PlayerNavigation | null = null;
    // A player let go (its page replaced) must not post into the new page's mailbox under the same id.
    const shell: RemoteShell = new RemoteShell((message) => {
      if (sittings.get(sessionId)?.shell === shell) deliver(sessionId, message);
    });
    const host: PlayerHost = new PlayerHost({
      ports,
      course: launch.course,
      sessionId,
      learner: launch.learner,
      origin: lanOrigin(sessionId),
      shell: () => shell as unknown as Window,
      onItem: (item) => {
        current = item;
        if (navigation) news(sessionId, navNews(navigation, current));
      },
      onError: (code) => news(sessionId, { channel: LAN_CHANNEL, type: 'error', code }),
      onNavigation: (value) => {
        navigation = value;
        news(sessionId, navNews(value, current));
      },
      // The course asked to exit, or has nothing left to play: as Save and exit.
      onFinished: () => void finish(sessionId),
      newId: ports.newId,
      pending: new PendingCommits(options.storage, sessionId),
    });
    return { host, shell, started: false, exiting: false };
  };

  const finish = async (sessionId: string) => {
    const sitting = sittings.get(sessionId);
    if (!sitting || sitting.exiting) return;
    sitting.exiting = true;
    await sitting.host.exit(options.closeTimeoutMs ?? 5000);
    news(sessionId, { channel: LAN_CHANNEL, type: 'finished' });
  };

  /**
   * The sitting's page is gone (main closed it: idle, or sharing turned off): its player saves and
   * suspends in the background, waiting out a shell that will not answer. `drop` (the same learner opened
   * the course again): the old player is just let go, as after a closed window; what it saved stands.
   */
  const close = (sessionId: string, drop = false) => {
    const sitting = sittings.get(sessionId);
    if (!sitting) return;
    sittings.delete(sessionId);
    outgoing.delete(sessionId);
    if (sitting.exiting || drop) return;
    sitting.exiting = true;
    void sitting.host.exit(options.closeTimeoutMs ?? 5000).catch(() => undefined);
  };

  /** What a reloaded page's new player needs: the sitting's course and learner, as its launch found them. */
  const launches = new Map<string, Extract<Awaited<ReturnType<typeof launchForLms>>, { ok: true }>>();

  let afterAnswer: (() => void) | null = null;
  const apply = async (request: ScormLanRequest): Promise<ScormLanRespond> => {
    const answer = (status: number, body: Record<string, unknown>): ScormLanRespond => ({ id: request.id, status, body });
    if (request.kind === 'launch') {
      const launched = await launchForLms(ports, request.handle, request.learner_id, request.learner_name);
      if (!launched.ok) return answer(404, { error_code: launched.error, message: 'Launch link unavailable' });
      const sessionId = launched.session.id;
      // The same learner opening the course again (a second tab, a reload of the dispatch URL): the new page takes over.
      close(sessionId, true);
      launches.set(sessionId, launched);
      sittings.set(sessionId, open(sessionId, launched));
      const org = playedOrganization(launched.course);
      // Main opens the sitting's mailbox once it has this answer: the page's first news goes after it.
      afterAnswer = () => news(sessionId, { channel: LAN_CHANNEL, type: 'course', title: launched.course.title, learner_name: launched.learner.display_name, items: contents(org.items).slice(0, 5000) });
      return answer(200, { session_id: sessionId, package_id: launched.course.id, learner_id: launched.learner.id });
    }
    const sitting = sittings.get(request.session_id);
    if (request.kind === 'close') {
      launches.delete(request.session_id);
      close(request.session_id);
      return answer(200, {});
    }
    if (!sitting) return answer(404, { error_code: 'SESSION_NOT_FOUND', message: 'This course is no longer open on the kiosk' });
    for (const message of request.messages) {
      const own = lanPageRequestSchema.safeParse(message);
      if (own.success) {
        const ask = own.data;
        if (ask.type === 'exit') void finish(request.session_id);
        else if (ask.type === 'step') void sitting.host.step(ask.delta);
        else void sitting.host.choose(ask.item_id);
        continue;
      }
      if (typeof message !== 'object' || message === null) continue;
      const data = message as { channel?: unknown; type?: unknown };
      if (data.channel !== PLAYER_CHANNEL) continue;
      // The page was reloaded (its shell says ready again): a new player picks the course up from what was saved.
      if (data.type === 'ready' && sitting.started) {
        const launched = launches.get(request.session_id);
        if (!launched) return answer(404, { error_code: 'SESSION_NOT_FOUND', message: 'This course is no longer open on the kiosk' });
        const fresh = { ...open(request.session_id, launched), started: true };
        sittings.set(request.session_id, fresh);
        fresh.host.onMessage(messageEvent(request.session_id, message, fresh.shell));
        continue;
      }
      if (data.type === 'ready') sitting.started = true;
      sitting.host.onMessage(messageEvent(request.session_id, message, sitting.shell));
    }
    return answer(200, {});
  };

  let queue: Promise<unknown> = Promise.resolve();
  const unsubscribe = ipc.on('scorm-lan:request', (request) => {
    if (request.responder !== options.responderId) return;
    queue = queue
      .then(async () => {
        const answer = await apply(request).catch((): ScormLanRespond => ({ id: request.id, status: 500, body: { error_code: 'DB_ERROR', message: 'The kiosk could not open this course' } }));
        await ipc.invoke('scorm-lan:respond', answer);
        const next = afterAnswer;
        afterAnswer = null;
        next?.();
      })
      .catch(() => undefined);
  });
  const releaseLease = holdWindowLease(() => ipc.invoke('scorm-lan:attach', { responder: options.responderId }), options.setTimer);
  return () => {
    releaseLease();
    unsubscribe();
    for (const id of [...sittings.keys()]) close(id);
  };
}

/** PlayerHost checks a message's origin and source: a sitting's messages carry its own pseudo-origin and shell. */
function lanOrigin(sessionId: string): string {
  return `outpost-lan:${sessionId}`;
}

function messageEvent(sessionId: string, data: unknown, shell: RemoteShell): MessageEvent {
  return { data, origin: lanOrigin(sessionId), source: shell } as unknown as MessageEvent;
}
