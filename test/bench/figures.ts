/**
 * What every benchmark reports: figures, each an absolute value with its unit and, where the figure has
 * one, the baseline measured in the same run and the ratio value / baseline. A goal is checked on the
 * value or on the ratio and says whether it was met. `info` carries context (sizes, fill times) that is
 * not a figure of merit.
 */
export interface Goal {
  /** What the goal bounds: the absolute value or the ratio against the baseline. */
  readonly on: 'value' | 'ratio';
  readonly op: '<=' | '>=' | '==';
  readonly target: number;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** What the baseline is (e.g. "naive loop"), its value in the same unit, and value / baseline. */
  readonly baseline: { readonly name: string; readonly value: number } | null;
  readonly ratio: number | null;
  readonly goal: Goal | null;
  /** null when the figure has no goal. */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly figures: readonly Figure[];
  readonly info: Readonly<Record<string, number | string>>;
}

/** What a bench in run.ts may return: a report, or (older benches) plain key/values shown as info. */
export type BenchOutcome = BenchReport | Readonly<Record<string, number | string>>;

export interface FigureOptions {
  readonly baseline?: { readonly name: string; readonly value: number };
  readonly goal?: Goal;
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(4)));

function meets(goal: Goal, actual: number | null): boolean | null {
  if (actual === null || !Number.isFinite(actual)) return false;
  if (goal.op === '<=') return actual <= goal.target;
  if (goal.op === '>=') return actual >= goal.target;
  return actual === goal.target;
}

export function figure(name: string, value: number, unit: string, options: FigureOptions = {}): Figure {
  const baseline = options.baseline ? { name: options.baseline.name, value: round(options.baseline.value) } : null;
  const ratio = options.baseline && options.baseline.value !== 0 ? Number((value / options.baseline.value).toPrecision(3)) : null;
  const goal = options.goal ?? null;
  return { name, value: round(value), unit, baseline, ratio, goal, met: goal ? meets(goal, goal.on === 'ratio' ? ratio : value) : null };
}

export const atMost = (target: number, on: Goal['on'] = 'value'): Goal => ({ on, op: '<=', target });
export const atLeast = (target: number, on: Goal['on'] = 'value'): Goal => ({ on, op: '>=', target });
export const exactly = (target: number): Goal => ({ on: 'value', op: '==', target });

export function isReport(outcome: BenchOutcome): outcome is BenchReport {
  return Array.isArray((outcome as BenchReport).figures) && typeof (outcome as BenchReport).info === 'object';
}

export function toReport(outcome: BenchOutcome): BenchReport {
  return isReport(outcome) ? outcome : { figures: [], info: { ...outcome } };
}

/** p-th quantile (0..1) of a sample, nearest rank. */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

const goalText = (goal: Goal | null) => (goal ? `${goal.on} ${goal.op} ${goal.target}` : '');
const metText = (met: boolean | null) => (met === null ? '' : met ? 'yes' : 'NO');

/** The figures of every bench as one aligned text table (info lines below each bench's figures). */
export function formatTable(results: ReadonlyArray<{ readonly bench: string; readonly report: BenchReport | null; readonly error: string | null }>): string {
  const header = ['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const rows: string[][] = [];
  for (const { bench, report, error } of results) {
    if (error !== null) {
      rows.push([bench, `FAILED: ${error.split('\n')[0]?.slice(0, 100) ?? ''}`, '', '', '', '', 'NO']);
      continue;
    }
    for (const f of report?.figures ?? []) {
      rows.push([bench, f.name, `${f.value} ${f.unit}`, f.baseline ? `${f.baseline.value} ${f.unit} (${f.baseline.name})` : '', f.ratio === null ? '' : String(f.ratio), goalText(f.goal), metText(f.met)]);
    }
    if (report && report.figures.length === 0) for (const [key, value] of Object.entries(report.info)) rows.push([bench, key, String(value), '', '', '', '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
