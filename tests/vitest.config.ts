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
      // Not isolated: the files share one module graph, so the corpus, zod schemas and engine load once
      // rather than once a file (half the step's time). A test that changes process.env restores it.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/data/**/*.test.ts'], testTimeout: 60_000, isolate: false } },
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
          // Not isolated: one Chromium and one pool of contexts serve every file (tests/browser/helpers.ts);
          // Chromium ends with the test process, whose DevTools pipe it reads.
          isolate: false,
        },
      },
    ],
  },
});
