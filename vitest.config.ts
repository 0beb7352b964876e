import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Prepares the PGlite data directory test stores are copied from (initdb once, not per file).
    globalSetup: ['test/global-setup.ts'],
    // PGlite instances and child processes make some files slow to start; the machine has 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
