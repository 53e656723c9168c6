import { defineConfig } from 'vitest/config';

// Browser tests share one Chromium per file and must not compete for the 2 cores with each other.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // A poll that waits on another process (adb, a headset, Chromium) gets more than a second on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
