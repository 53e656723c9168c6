import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

// Electron loads CommonJS for main and requires a single self-contained file for a sandboxed preload.
const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, external: ['electron'] };

await Promise.all([
  build({ ...common, entryPoints: ['main/app/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
