import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { catalogPlugin } from './build/catalog-plugin';

export default defineConfig({
  // Unit and component tests run on a catalog of their own, never on the shipped one.
  plugins: [
    WxtVitest({ imports: false }),
    catalogPlugin(fileURLToPath(new URL('tests/test-catalog.json', import.meta.url))),
  ],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    // Spies made in one test never leak into the next.
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One Chromium at a time: the machine has two cores, and each file starts its own browser.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
