import { defineConfig } from 'vitest/config';

// One runner for every kind of test. Browser and engine tests are ordinary Node test files that
// drive real Chromium (playwright-core) or the real Adobe engine, so they share this config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every file's engine runs are scanned for leaked secrets and raw personal data (test/support).
    setupFiles: ['test/support/leakScanSetup.ts'],
    // React Spectrum's ESM imports its CSS; inlined, Vite handles those imports for the jsdom view tests.
    server: { deps: { inline: [/@adobe\/react-spectrum/, /@spectrum-icons\//] } },
    reporters: ['default']
  }
});
