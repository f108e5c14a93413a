import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

const chromium = findChromium();
// E2E_PORT and E2E_DIST let several people run the suite at once on one machine without sharing a port or a
// build folder; `npm test` uses the defaults.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  retries: 0,
  workers: process.env.CI ? 2 : 2,
  fullyParallel: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      // Resolved by scripts/chromium.mjs; `npm test` makes sure one exists before Playwright starts.
      ...('path' in chromium ? { executablePath: chromium.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    // A plain static server (no rewrites), with dist/ also mounted under a sub-path to prove deep links
    // work from any folder. `npm test` builds first; a bare `npx playwright test` builds here.
    command: `${process.env.E2E_SKIP_BUILD ? '' : `npx vite build --outDir ${DIST} --emptyOutDir && `}node scripts/serve.mjs --root ${DIST} --port ${PORT} --mount /kb/tools/10054/`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
});
