import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two projects: pure unit tests need no database; integration tests share one
// PostgreSQL (embedded, or TEST_DATABASE_URL) started once per run by globalSetup.
export default defineConfig({
  resolve: {
    // One graphql realm: type-graphql require()s graphql's CJS build, and Vite would
    // otherwise hand our ESM imports the .mjs build ("from another module or realm").
    // Plain Node resolves both to the CJS build already.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
