import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '~': path.resolve(__dirname, 'app'),
      '#tests': path.resolve(__dirname, 'tests'),
      '#emails': path.resolve(__dirname, 'emails'),
    },
  },
  esbuild: { jsx: 'automatic' },
  test: {
    globals: true,
    include: [
      'app/**/*.test.{ts,tsx}',
      'emails/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/db-per-worker.ts', 'tests/setup/messages.ts'],
    pool: 'forks',
    // Vitest's default leaves one core idle; most of a file's time is spent loading the app's
    // modules and waiting on its own database, so two forks on a two-core CI machine finish the
    // suite in about two thirds of the time.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
