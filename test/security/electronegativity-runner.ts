/**
 * Runs @doyensec/electronegativity over one folder and prints its findings as JSON on stdout. Run in its
 * own process (test/security/electronegativity.test.ts starts it): the tool sets globals and would fetch
 * translations and Electron's release list from the network, so `got` is replaced by a stub that fails at
 * once — the scan stays offline and deterministic.
 */
import Module, { createRequire } from 'node:module';

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity?: { readonly name?: string };
  readonly manualReview?: boolean;
  readonly description?: unknown;
  readonly sample?: string;
}
interface ScanResult {
  readonly issues: readonly Finding[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
}
type Runner = (options: Record<string, unknown>) => Promise<ScanResult>;

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function offline(this: unknown, request: string, ...rest: unknown[]) {
  if (request === 'got') {
    const refuse = () => Promise.reject(new Error('offline: electronegativity may not use the network in tests'));
    return Object.assign(refuse, { head: refuse });
  }
  return load.call(this, request, ...rest);
};

const require = createRequire(import.meta.url);
const loaded = require('@doyensec/electronegativity') as Runner | { default: Runner };
const run = typeof loaded === 'function' ? loaded : loaded.default;
const [input, electronVersion] = process.argv.slice(2);
if (!input || !electronVersion) throw new Error('usage: electronegativity-runner <folder> <electron version>');

// The tool logs "Could not retrieve updated translations" to stdout; keep stdout for the JSON only.
const log = console.log;
console.log = (...args: unknown[]) => console.error(...args);
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs Electron's release list from GitHub; the pinned version is Dependabot's and docs/dependencies.md's job.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});
log(
  JSON.stringify({
    issues: result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, manualReview: i.manualReview ?? false, severity: i.severity?.name ?? null, sample: i.sample ?? null })),
    errors: result.errors,
  }),
);
