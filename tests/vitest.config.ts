import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three projects: fast unit/data tests; checks over the built dist/ without a browser; browser tests in Chromium.
export default defineConfig({
  root,
  test: {
    // Dates are computed and asserted in the policies' own timezone.
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/data/**/*.test.ts'], testTimeout: 60_000 } },
      // Checks that read the built dist/ and need no browser (run after the build, before Chromium starts).
      { test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], testTimeout: 120_000 } },
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
