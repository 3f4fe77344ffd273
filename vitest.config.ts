import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/services.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
