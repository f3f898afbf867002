import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real browsers. Files run one after another
// (each starts its own browser; two cores are not enough for parallel browsers).
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
