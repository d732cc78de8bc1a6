import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects: fast unit/data tests, and browser tests that need a built dist/ and Chromium.
export default defineConfig({
  root,
  test: {
    // Dates are computed and asserted in the policies' own timezone.
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/data/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
