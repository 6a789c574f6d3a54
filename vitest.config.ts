import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    // Slack tests bind loopback ports and mutate nock's global state: keep files isolated.
    pool: 'forks',
  },
});
