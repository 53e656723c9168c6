import type { Command, CommandContext } from './commands';
import { FsError, normalizeDevicePath } from './fake-fs';

// Text filters that show up on the right of `| ` in tool scripts.

async function inputText(files: string[], ctx: CommandContext, tool: string): Promise<string | null> {
  if (files.length === 0) return (await ctx.stdin.readAll()).toString('utf8');
  let text = '';
  for (const file of files) {
    try {
      text += (await ctx.state.fs.readFile(normalizeDevicePath(file, ctx.cwd))).toString('utf8');
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      ctx.err(`${tool}: ${file}: ${error.message}\n`);
      return null;
    }
  }
  return text;
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** Basic regular expressions mean ( ) | + ? { } are literal unless escaped. */
function basicToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] ?? '';
      out += '()|+?{}'.includes(next) ? next : `\\${next}`;
    } else {
      out += '()|+?{}'.includes(ch) ? `\\${ch}` : ch;
    }
  }
  return out;
}

const grep: Command = async (args, ctx) => {
  let ignoreCase = false;
  let invert = false;
  let count = false;
  let quiet = false;
  let mode: 'basic' | 'extended' | 'fixed' = 'basic';
  let wholeWord = false;
  const patterns: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-e') {
      patterns.push(args[++i] ?? '');
    } else if (arg.startsWith('-') && arg.length > 1 && patterns.length + files.length === 0) {
      for (const flag of arg.slice(1)) {
        if (flag === 'i') ignoreCase = true;
        else if (flag === 'v') invert = true;
        else if (flag === 'c') count = true;
        else if (flag === 'q') quiet = true;
        else if (flag === 'E') mode = 'extended';
        else if (flag === 'F') mode = 'fixed';
        else if (flag === 'w') wholeWord = true;
      }
    } else if (patterns.length === 0) {
      patterns.push(arg);
    } else {
      files.push(arg);
    }
  }
  if (patterns.length === 0) {
    ctx.err('usage: grep [-EFivcqw] [-e PATTERN] PATTERN [FILE...]\n');
    return 2;
  }
  const text = await inputText(files, ctx, 'grep');
  if (text === null) return 2;
  const regexes = patterns.map((p) => {
    let source = mode === 'fixed' ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : mode === 'basic' ? basicToJs(p) : p;
    if (wholeWord) source = `\\b(?:${source})\\b`;
    return new RegExp(source, ignoreCase ? 'i' : '');
  });
  const matched = lines(text).filter((line) => regexes.some((r) => r.test(line)) !== invert);
  if (quiet) return matched.length > 0 ? 0 : 1;
  if (count) ctx.out(`${matched.length}\n`);
  else if (matched.length > 0) ctx.out(`${matched.join('\n')}\n`);
  return matched.length > 0 ? 0 : 1;
};

function takeCount(args: string[]): { count: number; files: string[] } {
  let count = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-n') count = Number(args[++i] ?? '10');
    else if (/^-n\d+$/.test(arg)) count = Number(arg.slice(2));
    else if (/^-\d+$/.test(arg)) count = Number(arg.slice(1));
    else files.push(arg);
  }
  return { count, files };
}

const head: Command = async (args, ctx) => {
  const { count, files } = takeCount(args);
  const text = await inputText(files, ctx, 'head');
  if (text === null) return 1;
  const picked = lines(text).slice(0, count);
  if (picked.length > 0) ctx.out(`${picked.join('\n')}\n`);
  return 0;
};

const tail: Command = async (args, ctx) => {
  const { count, files } = takeCount(args);
  const text = await inputText(files, ctx, 'tail');
  if (text === null) return 1;
  const all = lines(text);
  const picked = count === 0 ? [] : all.slice(-count);
  if (picked.length > 0) ctx.out(`${picked.join('\n')}\n`);
  return 0;
};

const wc: Command = async (args, ctx) => {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const files = args.filter((a) => !a.startsWith('-'));
  const text = await inputText(files, ctx, 'wc');
  if (text === null) return 1;
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter((w) => w.length > 0).length,
    c: Buffer.byteLength(text),
  };
  const wanted = (['l', 'w', 'c'] as const).filter((key) => flags.length === 0 || flags.includes(key));
  ctx.out(`${wanted.map((key) => String(counts[key]).padStart(wanted.length > 1 ? 7 : 0)).join(' ')}\n`);
  return 0;
};

const echo: Command = (args, ctx) => {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  ctx.out(words.join(' ') + (noNewline ? '' : '\n'));
  return 0;
};

export const textCommands: Record<string, Command> = { echo, grep, head, tail, wc };
