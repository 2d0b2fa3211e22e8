import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './tools/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**'],
          globalSetup: ['./test/setup/redis.ts'],
        },
      },
      // The dashboard in Debian's chromium (playwright-core), against buildApp() serving dist-web/.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'] } },
    ],
  },
});
