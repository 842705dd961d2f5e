import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  type E2eEnvironment,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

const forms = readdirSync('form-definitions').map((file) => file.replace(/\.json$/, ''));

describe.skipIf(!browserAvailable())('every published form in the browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  it.each(forms)('renders %s accessibly and submits its sample data', async (formKey) => {
    const page = await env.newPage();
    await page.goto(`/forms/${formKey}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Beispieldaten einfügen' }).click();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Absenden' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vielen Dank – Ihre Angaben wurden gespeichert' })
      .waitFor();
    expect(page.url()).toMatch(/\/submissions\/[0-9a-f-]{36}$/);
  });

  it('answers unknown addresses with a German page that passes axe', async () => {
    const page = await env.newPage();
    const response = await page.goto('/gibt-es-nicht');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await wcagViolations(page)).toEqual([]);
  });
});
