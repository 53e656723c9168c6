import type { ShellEnvironment } from './commands';
import { openAbstractSocket } from './scrcpy-server';
import { shellService } from './shell';
import { syncService } from './sync';
import type { ReverseTable } from './reverse';
import type { AdbConnection, AdbStream, StreamService, TraceEvent } from './transport';

// Maps an OPEN destination to the service that answers it. Unknown services
// get null, which the transport turns into an immediate CLSE (what adbd does).

export interface ServiceEnvironment extends ShellEnvironment {
  trace(event: TraceEvent): void;
  /** `reverse:` requests change the headset's reverse table for the link they came on. */
  reverse?: { readonly table: ReverseTable; readonly connection: AdbConnection };
}

/** Services that just print a line and hang up on a production (non-root) build. */
const ONE_LINERS: Record<string, string> = {
  'root:': 'adbd cannot run as root in production builds\n',
  'unroot:': 'adbd not running as root\n',
  'remount:': 'Not running as root. Try "adb root" first.\n',
  'enable-verity:': 'verity cannot be disabled/enabled - USER build\n',
  'disable-verity:': 'verity cannot be disabled/enabled - USER build\n',
};

function replyAndClose(stream: AdbStream, text: string | Buffer): StreamService {
  void stream.write(text).then(() => stream.close());
  return { onData: async () => undefined, onClose: () => undefined };
}

export function openService(destination: string, stream: AdbStream, env: ServiceEnvironment): StreamService | null {
  const colon = destination.indexOf(':');
  if (colon < 0) return null;
  const name = destination.slice(0, colon);
  const rest = destination.slice(colon + 1);

  if (name === 'shell' || name.startsWith('shell,')) {
    const options = name.split(',').slice(1);
    const v2 = options.includes('v2');
    const pty = options.includes('pty') || (!options.includes('raw') && rest.length === 0);
    return shellService(stream, env, { framing: v2 ? 'v2' : 'none', command: rest, mergeStderr: !v2, pty });
  }
  if (name === 'exec') return shellService(stream, env, { framing: 'none', command: rest, mergeStderr: true, pty: false });
  if (name === 'abb_exec' || name === 'abb') {
    // abb ("Android Binder Bridge") runs `cmd` directly with NUL-separated argv.
    const argv = ['cmd', ...rest.split('\0').filter((a) => a.length > 0)];
    return shellService(stream, env, { framing: name === 'abb' ? 'v2' : 'none', command: argv, mergeStderr: name === 'abb_exec', pty: false });
  }
  if (name === 'sync') {
    return syncService(stream, {
      state: env.state,
      faults: env.faults,
      trace: env.trace,
      dropConnection: env.dropConnection,
    });
  }
  if (name === 'reverse' && env.reverse) {
    // adbd answers the request on the stream and closes it.
    return replyAndClose(stream, env.reverse.table.handle(rest, env.reverse.connection));
  }
  // Unix sockets in the abstract namespace: the scrcpy server's, while one listens (scrcpy-server.ts).
  if (name === 'localabstract') return openAbstractSocket(env.state, rest, stream);
  const oneLiner = ONE_LINERS[`${name}:`];
  if (oneLiner !== undefined) return replyAndClose(stream, oneLiner);
  if (name === 'reboot') return replyAndClose(stream, '');
  return null;
}
