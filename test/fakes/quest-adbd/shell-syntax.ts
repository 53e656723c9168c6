// Enough of mksh's grammar for what tools send over `adb shell`: quoting,
// pipes, ; && ||, redirections, unquoted globs and $? (tools append `; echo $?`
// to learn exit codes over the v1 shell). No other variables, no subshells.

export interface Word {
  text: string;
  /** Has an unquoted * or ?, so it is a candidate for path expansion. */
  glob: boolean;
}

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: string;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}

export type Connector = ';' | '&&' | '||';

export interface CommandListItem {
  /** How this pipeline relates to the previous one's exit status. */
  connector: Connector;
  pipeline: SimpleCommand[];
}

export class ShellSyntaxError extends Error {}

/** Stands in for `$?` inside a word until the interpreter knows the last exit status. */
export const LAST_STATUS_MARK = '\u0000?';

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string } | { kind: 'redirect'; fd: number; op: Redirect['op'] };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r';
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let text = '';
  let glob = false;
  let inWord = false;

  const flush = (): void => {
    if (inWord) tokens.push({ kind: 'word', word: { text, glob } });
    text = '';
    glob = false;
    inWord = false;
  };

  while (i < line.length) {
    const ch = line[i] ?? '';
    const next = line[i + 1] ?? '';
    if (isSpace(ch)) {
      flush();
      i++;
    } else if (ch === '#' && !inWord) {
      while (i < line.length && line[i] !== '\n') i++;
    } else if (ch === '\n' || ch === ';') {
      flush();
      tokens.push({ kind: 'op', op: ';' });
      i++;
    } else if (ch === '|' || ch === '&') {
      if (ch === '&' && next === '>') {
        flush();
        tokens.push({ kind: 'redirect', fd: -1, op: '>' });
        i += 2;
        continue;
      }
      flush();
      const doubled = next === ch;
      tokens.push({ kind: 'op', op: doubled ? ch + ch : ch === '&' ? ';' : '|' });
      i += doubled ? 2 : 1;
    } else if (ch === '>' || ch === '<') {
      let fd = ch === '>' ? 1 : 0;
      if (inWord && /^\d$/.test(text)) {
        fd = Number(text);
        inWord = false;
        text = '';
      } else {
        flush();
      }
      if (ch === '>' && next === '>') {
        tokens.push({ kind: 'redirect', fd, op: '>>' });
        i += 2;
      } else if (ch === '>' && next === '&') {
        tokens.push({ kind: 'redirect', fd, op: '>&' });
        i += 2;
      } else {
        tokens.push({ kind: 'redirect', fd, op: ch });
        i++;
      }
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated '");
      text += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) throw new ShellSyntaxError('unterminated "');
        const c = line[i] ?? '';
        if (c === '"') break;
        if (c === '$' && line[i + 1] === '?') {
          text += LAST_STATUS_MARK;
          i += 2;
          continue;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1] ?? '')) {
          text += line[i + 1];
          i += 2;
        } else {
          text += c;
          i++;
        }
      }
      i++;
    } else if (ch === '$' && next === '?') {
      text += LAST_STATUS_MARK;
      inWord = true;
      i += 2;
    } else if (ch === '\\') {
      if (next !== '\n') text += next;
      inWord = true;
      i += 2;
    } else {
      if (ch === '*' || ch === '?') glob = true;
      text += ch;
      inWord = true;
      i++;
    }
  }
  flush();
  return tokens;
}

export function parseCommandLine(line: string): CommandListItem[] {
  const tokens = tokenize(line);
  const items: CommandListItem[] = [];
  let connector: Connector = ';';
  let pipeline: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [] };

  const endCommand = (required: boolean): void => {
    if (current.words.length === 0 && current.redirects.length === 0) {
      if (required) throw new ShellSyntaxError('syntax error');
      return;
    }
    pipeline.push(current);
    current = { words: [], redirects: [] };
  };
  const endPipeline = (next: Connector, required: boolean): void => {
    endCommand(required || pipeline.length > 0);
    if (pipeline.length > 0) items.push({ connector, pipeline });
    else if (required) throw new ShellSyntaxError('syntax error');
    pipeline = [];
    connector = next;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === 'word') {
      current.words.push(token.word);
    } else if (token.kind === 'redirect') {
      const target = tokens[++i];
      if (target === undefined || target.kind !== 'word') throw new ShellSyntaxError('missing redirection target');
      if (token.fd === -1) {
        current.redirects.push({ fd: 1, op: '>', target: target.word.text }, { fd: 2, op: '>&', target: '1' });
      } else {
        current.redirects.push({ fd: token.fd, op: token.op, target: target.word.text });
      }
    } else if (token.op === '|') {
      endCommand(true);
    } else {
      endPipeline(token.op === '&&' ? '&&' : token.op === '||' ? '||' : ';', token.op !== ';');
    }
  }
  endPipeline(';', false);
  return items;
}

/** Quote one argument for a shell command line (how adb's escape_arg does it). */
export function quoteArg(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
