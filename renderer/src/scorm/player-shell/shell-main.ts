import { appMessageSchema, PLAYER_CHANNEL } from '../../../../shared/scorm/player-messages';
import type { AppMessage, ShellMessage } from '../../../../shared/scorm/player-messages';
import { CommitJournal } from './commit-journal';
import { readShellConfig } from './shell-config';
import { ShellRuntime } from './shell-runtime';
import { courseStorage } from './course-storage';

/**
 * The player shell, on the course's own origin: hosts the run-time for the course frame and talks to the
 * app only by postMessage, to and from the parent window on the app's origin. It is deliberately unable
 * to do anything else: no network (CSP), no bridge, no access to the app's window (cross-origin).
 */
function start(): void {
  const config = readShellConfig(document);
  const host = document.getElementById('course');
  if (!config || !host) return;
  const journal = new CommitJournal(courseStorage(), config.sessionId);
  let runtime: ShellRuntime | null = null;
  let frame: HTMLIFrameElement | null = null;

  const post = (message: ShellMessage) => {
    for (const origin of config.appOrigins) window.parent.postMessage(message, origin);
  };
  const onCommit = (event: { commit: ShellMessage extends never ? never : Extract<ShellMessage, { type: 'commit' }>['commit']; terminated: boolean; navRequest?: string }) => {
    journal.write(event.commit);
    post({ channel: PLAYER_CHANNEL, type: 'commit', commit: event.commit, terminated: event.terminated, ...(event.navRequest ? { nav_request: event.navRequest } : {}) });
  };
  const closeItem = () => {
    // Removing the frame runs the course's unload handlers (most call LMSFinish/Terminate themselves).
    frame?.remove();
    frame = null;
    runtime?.finish();
  };
  const open = (message: Extract<AppMessage, { type: 'init' }>) => {
    closeItem();
    runtime = new ShellRuntime(message.version, message.item.identifier, message.sitting_id, message.cmi, onCommit, message.nav_valid, message.shared_data);
    runtime.install(window);
    frame = document.createElement('iframe');
    frame.title = message.item.title;
    // Relative to the shell's page (…/player/<id>), so the same shell works where main serves it under a prefix (the LAN host).
    frame.src = `../content/${message.item.launch}`;
    host.append(frame);
    if (message.item.scorm_type === 'asset') runtime.completeAsset();
  };

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !config.appOrigins.includes(event.origin)) return;
    const parsed = appMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'init') open(message);
    else if (message.type === 'ack') journal.ack(message.sitting_id, message.seq);
    else {
      closeItem();
      post({ channel: PLAYER_CHANNEL, type: 'exited' });
    }
  });
  // Closing the window or the kiosk: whatever the course has not committed is committed (and journaled) now.
  window.addEventListener('pagehide', () => closeItem());
  post({ channel: PLAYER_CHANNEL, type: 'ready', session_id: config.sessionId, recovered: journal.pending() });
}

start();
