import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ShellRuntime } from '../../../renderer/src/scorm/player-shell/shell-runtime';

beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));

const valid = (runtime: ShellRuntime, element: string) => (runtime.api as unknown as { GetValue: (e: string) => string }).GetValue(`adl.nav.request_valid.${element}`);

describe('adl.nav.request_valid in the shell', () => {
  it('answers the SCO with what the app’s sequencing allowed as the item started', () => {
    const runtime = new ShellRuntime('2004', 'quiz', 'sitting-1', {}, () => undefined, { continue: true, previous: false, choice: { intro: false, quiz: true, outro: false } });
    expect((runtime.api as unknown as { Initialize: (s: string) => string }).Initialize('')).toBe('true');
    expect(valid(runtime, 'continue')).toBe('true');
    expect(valid(runtime, 'previous')).toBe('false');
    expect(valid(runtime, 'choice.{target=quiz}')).toBe('true');
    expect(valid(runtime, 'choice.{target=outro}')).toBe('false');
    expect(valid(runtime, 'choice.{target=nowhere}')).toBe('false');
    // Read-only to the SCO.
    expect((runtime.api as unknown as { SetValue: (e: string, v: string) => string }).SetValue('adl.nav.request_valid.continue', 'false')).toBe('false');
    expect(valid(runtime, 'continue')).toBe('true');
  });

  it('says "unknown" for continue and previous when the app sent nothing', () => {
    const runtime = new ShellRuntime('2004', 'only', 'sitting-1', {}, () => undefined);
    (runtime.api as unknown as { Initialize: (s: string) => string }).Initialize('');
    expect(valid(runtime, 'continue')).toBe('unknown');
    expect(valid(runtime, 'previous')).toBe('unknown');
  });
});
