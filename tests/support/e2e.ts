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
import { DEMO_USERS, type DemoUser } from '../../server/src/users/demo-users.js';
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

/**
 * Builds the web app, starts the whole platform on a database of its own and launches headless Chromium.
 * `settings` override the platform's configuration (environment variable names).
 */
export async function startE2eEnvironment(settings: Record<string, string> = {}): Promise<E2eEnvironment> {
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
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      WEB_ROOT: webRoot,
      // The demo users (one per role, two Träger) sign in; production loads them only when asked.
      DEMO_DATA: 'true',
      ...settings,
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
        // No transitions: axe must not measure colours halfway through one.
        reducedMotion: 'reduce',
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

/**
 * Matches a field's label exactly, with or without the asterisk of a required field
 * (`page.getByLabel(fieldLabel('Passwort'))` finds „Passwort *“ but not „Neues Passwort“).
 */
export const fieldLabel = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** The demo user with this e-mail address (server/src/users/demo-users.ts). */
export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`Kein Demo-Zugang ${email}`);
  return user;
}

/** The demo user of the first demo Träger: fills Anlage 1, Anlage 2 and the evaluation. */
export const DEMO_PROVIDER = 'traeger@demo.sozialraum.invalid';
/** The demo team lead: fills the criteria sheet (Anlage 3). */
export const DEMO_TEAM_LEAD = 'teamleitung@demo.sozialraum.invalid';
export const DEMO_ADMIN = 'admin@demo.sozialraum.invalid';

/**
 * Signs in through the sign-in page and waits until the app shows the signed-in user. Goes to
 * `target` first, so the sign-in page brings the user back there.
 */
export async function signIn(
  page: Page,
  { email, password }: { email: string; password: string },
  target = '/',
): Promise<void> {
  await page.goto(target);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel(fieldLabel('E-Mail-Adresse')).fill(email);
  await page.getByLabel(fieldLabel('Passwort')).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** Signs in as a demo user (see DEMO_USERS). */
export async function signInAs(page: Page, email: string, target = '/'): Promise<void> {
  await signIn(page, demoUser(email), target);
}

/**
 * A GraphQL client with its own session cookie, for preparing data through the API as a user would
 * (the platform's CSRF prevention wants JSON requests).
 */
export async function apiSession(baseUrl: string, email: string, password: string) {
  let cookie = '';
  const request = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  };
  await request(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
    {
      email,
      password,
    },
  );
  return request;
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
