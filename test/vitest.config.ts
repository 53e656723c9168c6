import { defineConfig } from 'vitest/config';

// Config files are the one place a default export is required (by vitest itself).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A poll that waits on another process (adb, a headset, Chromium) gets more than a second on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    setupFiles: ['test/support/setup-indexeddb.ts'],
    testTimeout: 20_000,
  },
});
