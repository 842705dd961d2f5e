import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { readConfig } from '../../server/src/config.js';
import { type RunningPlatform, startPlatform } from '../../server/src/platform.js';
import { freePort } from './global-setup.js';
import { createTestDatabase } from './test-database.js';

/** Debian's Chromium; Playwright never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a message, except where
 * REQUIRE_E2E is set (CI), where a missing browser is an error.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.REQUIRE_E2E) {
    throw new Error(`REQUIRE_E2E ist gesetzt, aber ${CHROMIUM_PATH} fehlt: apt-get install chromium`);
  }
  console.warn(
    `Browser-Tests übersprungen: kein Chromium unter ${CHROMIUM_PATH} (apt-get install chromium).`,
  );
  return false;
}

export interface E2eEnvironment {
  platform: RunningPlatform;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the web app, starts the whole platform on a database of its own and launches headless Chromium. */
export async function startE2eEnvironment(): Promise<E2eEnvironment> {
  const webRoot = await mkdtemp(path.join(tmpdir(), 'sozialraum-web-'));
  await build({
    configFile: 'web/vite.config.ts',
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  const database = await createTestDatabase();
  const platform = await startPlatform(
    // Production mode, as deployed: error masking and the Content-Security-Policy are in force.
    readConfig({
      NODE_ENV: 'production',
      ALLOW_DEMO_CALLER: 'true',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      WEB_ROOT: webRoot,
      SEED_DEMO_DATA: 'false',
    }),
    () => {},
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    platform,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: platform.url,
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
      });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await platform.stop();
      await database.drop();
      await rm(webRoot, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core on the page and lists its WCAG 2.1 A/AA violations (the tests expect none). */
export async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
