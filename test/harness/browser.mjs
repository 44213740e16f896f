// Headless Debian Chromium driven by playwright-core (never a downloaded browser). The flags keep it
// off the closed network; Playwright wants the profile folder as an argument, not in `args`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './runtime.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void>}>} */
export async function launchBrowser({ viewport = { width: 1400, height: 850 } } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, timeout: 60000, viewport, args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
