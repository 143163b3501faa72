import { defineConfig } from 'vitest/config';

// Tests run against sources: the `@em/source` export condition points every
// workspace package at its `src/index.ts`, so no build is needed to test.
export default defineConfig({
  resolve: { conditions: ['@em/source'] },
  ssr: { resolve: { conditions: ['@em/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'fixtures/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
