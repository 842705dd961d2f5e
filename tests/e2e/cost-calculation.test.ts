import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_PROVIDER,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

const computed = (page: Page, path: string) => page.locator(`[data-computed-path="${path}"]`).first();

describe.skipIf(!browserAvailable())('Anlage 2 – Kalkulationsbogen in the browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  it('lets a provider fill in costs, watch the totals update, submit and see what was stored', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER, '/');
    await page.getByRole('heading', { level: 1, name: 'Formulare' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Anlage 2 – Kalkulationsbogen' }).click();
    await page.getByRole('heading', { level: 1, name: /Anlage 2/ }).waitFor();
    expect(page.url()).toMatch(/\/forms\/cost-calculation$/);

    await page.getByLabel('Titel der Maßnahme').fill('Offener Elterntreff Oyten');
    await page.getByLabel(/Kalkulationszeitraum von/).fill('01.01.2027');
    await page.getByLabel(/Kalkulationszeitraum bis/).fill('31.12.2027');
    await page.getByLabel('Anzahl Stunden').fill('10');
    await page.getByLabel('Stundensatz in Euro').fill('60,00');
    await expect.poll(() => computed(page, 'professionalHours.amount').textContent()).toMatch(/600,00\s€/);

    // The add button works by keyboard and puts the focus into the new line.
    await page.getByRole('button', { name: 'Sachkosten hinzufügen' }).focus();
    await page.keyboard.press('Enter');
    const line = page.getByRole('group', { name: 'Sachkosten, Eintrag 1' });
    await line.getByLabel('Bezeichnung').fill('Bastelmaterial');
    await line.getByLabel('Kategorie').selectOption({ label: 'Material' });
    await line.getByLabel('Menge').fill('3');
    await line.getByLabel('Einzelpreis in Euro').fill('12,50');
    await expect.poll(() => computed(page, 'materialCosts.0.amount').textContent()).toMatch(/37,50\s€/);
    await expect.poll(() => computed(page, 'materialCostsTotal').textContent()).toMatch(/37,50\s€/);
    await expect.poll(() => computed(page, 'totalCost').textContent()).toMatch(/637,50\s€/);

    await page.getByLabel('Eigenleistungen des Trägers in Euro').fill('37,50');
    await expect.poll(() => computed(page, 'requestedAmount').textContent()).toMatch(/600,00\s€/);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Absenden' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vielen Dank – Ihre Angaben wurden gespeichert' })
      .waitFor();
    expect(page.url()).toMatch(/\/submissions\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('submission-form').textContent()).toMatch(
      /Anlage 2 – Kalkulationsbogen, Version 1/,
    );
    await expect.poll(() => computed(page, 'totalCost').textContent()).toMatch(/637,50\s€/);
    expect(await wcagViolations(page)).toEqual([]);

    // What the server stored, in cents and recomputed by the server.
    const id = page.url().split('/').pop();
    const response = await page.request.post('/graphql', {
      data: { query: 'query($id: UUID!) { submission(id: $id) { data } }', variables: { id } },
    });
    const { data } = (await response.json()) as { data: { submission: { data: Record<string, any> } } };
    expect(data.submission.data).toMatchObject({
      offerTitle: 'Offener Elterntreff Oyten',
      periodStart: '2027-01-01',
      materialCosts: [
        { description: 'Bastelmaterial', category: 'MATERIAL', quantity: 3, unitPrice: 1250, amount: 3750 },
      ],
      totalCost: 63_750,
      ownContribution: 3_750,
      requestedAmount: 60_000,
    });
  });

  it('shows field errors in a summary that receives focus, without losing input', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER, '/forms/cost-calculation');
    await page.getByLabel('Titel der Maßnahme').fill('Nur ein Titel');
    await page.getByRole('button', { name: 'Absenden' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(
      true,
    );
    expect(await summary.textContent()).toMatch(/Pflichtfeld/);
    expect(await page.getByLabel('Titel der Maßnahme').inputValue()).toBe('Nur ein Titel');
    expect(await wcagViolations(page)).toEqual([]);
  });
});
