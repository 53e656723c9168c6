import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The guard is about what a real process does with an uncaught error, so it runs in a child process.
const script = fileURLToPath(new URL('./fixtures/guarded-process.ts', import.meta.url));
let child: ChildProcessWithoutNullStreams | null = null;

function start(): { child: ChildProcessWithoutNullStreams; nextLine: (match: (line: string) => boolean) => Promise<string>; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'pipe' });
  child = proc;
  const lines: string[] = [];
  const waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = [];
  let buffered = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      const waiter = waiters.find((w) => w.match(line));
      if (waiter === undefined) lines.push(line);
      else {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const nextLine = (match: (line: string) => boolean) =>
    new Promise<string>((resolve) => {
      const seen = lines.find(match);
      if (seen !== undefined) {
        lines.splice(lines.indexOf(seen), 1);
        resolve(seen);
      } else waiters.push({ match, resolve });
    });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { child: proc, nextLine, exited };
}

afterEach(() => {
  child?.kill();
  child = null;
});

describe('guardAgainstConnectionErrors in a real process', () => {
  it('logs an uncaught connection error (and a rejected one) and keeps serving', async () => {
    const proc = start();
    await proc.nextLine((l) => l === 'ready');
    proc.child.stdin.write('epipe\n');
    expect(await proc.nextLine((l) => l.startsWith('LOG'))).toContain('This socket has been ended by the other party');
    proc.child.stdin.write('rejection\n');
    expect(await proc.nextLine((l) => l.startsWith('LOG'))).toContain('ECONNRESET');
    proc.child.stdin.write('ping\n');
    expect(await proc.nextLine((l) => l === 'pong')).toBe('pong');
    expect(proc.child.exitCode).toBeNull();
  }, 30_000);

  it('leaves a programming error fatal', async () => {
    const proc = start();
    await proc.nextLine((l) => l === 'ready');
    proc.child.stdin.write('bug\n');
    expect(await proc.exited).not.toBe(0);
  }, 30_000);
});
