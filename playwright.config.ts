import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}`;
// The collaboration server the e2e build starts live sessions on (e2e/session.spec.ts starts
// its own too, for restarts).
export const COLLAB_PORT = Number(process.env.E2E_COLLAB_PORT ?? PORT + 310);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { baseURL: BASE, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: `VITE_COLLAB_URL=ws://127.0.0.1:${COLLAB_PORT} npx vite build --mode e2e && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: BASE,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `node --import tsx src/server/main.ts --host 127.0.0.1 --port ${COLLAB_PORT} --data /tmp/netpol-e2e-collab-${COLLAB_PORT}`,
      url: `http://127.0.0.1:${COLLAB_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
