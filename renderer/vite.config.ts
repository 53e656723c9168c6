import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// Config files are the one place a default export is required (by vite itself).
export default defineConfig({
  root: here,
  // Relative asset URLs work both from the loopback host and from Electron's app:// scheme.
  base: './',
  plugins: [react()],
  build: {
    // OUTPOST_RENDERER_DIR lets parallel work build (and test) its own copy without racing the default one.
    outDir: process.env.OUTPOST_RENDERER_DIR ? resolve(process.env.OUTPOST_RENDERER_DIR) : resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // Inline <script>/data: modules would violate the renderer CSP (script-src 'self').
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    // The SCORM player shell is its own page, served on each course's origin (main/services/scorm).
    // The LAN host page is served by main's LAN listener to browsers on the school's network (docs/scorm-lan.md).
    rollupOptions: { input: { main: resolve(here, 'index.html'), 'scorm-player': resolve(here, 'scorm-player', 'index.html'), 'scorm-lan': resolve(here, 'scorm-lan', 'index.html') } },
  },
});
