import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_ADMIN,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { activate, tabTo } from '../support/keyboard.js';

const FINANCE = 'wjh@demo.sozialraum.invalid';
const COMMITTEE = 'gremium@demo.sozialraum.invalid';
const FEE_OFFER = 'Soziale Gruppe „Starke Kinder“ in Langwedel';

const heading = (page: Page, name: string | RegExp, level = 1) => page.getByRole('heading', { level, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

describe.skipIf(!browserAvailable())('the Sozialraumbudget and the funds of an offer', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  }, 240_000);
  afterAll(() => env?.close());

  it('the administration changes a Sozialraum’s budget with a reason, by keyboard; the committee reads it; finance sees an offer’s bookings; axe-clean', async () => {
    const admin = await env.newPage();
    await signInAs(admin, DEMO_ADMIN);
    await activate(admin, nav(admin).getByRole('link', { name: 'Sozialraumbudget' }));
    await heading(admin, 'Sozialraumbudget').waitFor();
    await admin.getByRole('rowheader', { name: 'Langwedel' }).first().waitFor();
    expect(await wcagViolations(admin)).toEqual([]);

    await activate(admin, admin.getByRole('button', { name: 'Budget ändern: Achim' }));
    const dialog = admin.getByRole('dialog', { name: /Budget \d{4} ändern: Achim/ });
    await dialog.waitFor();
    const amount = dialog.getByLabel('Neues Budget in Euro');
    await tabTo(admin, amount);
    await amount.fill('');
    await admin.keyboard.type('61.234,56');
    await tabTo(admin, dialog.getByLabel(/Grund/));
    await admin.keyboard.type('Nachtrag laut Kreistagsbeschluss');
    expect(await wcagViolations(admin)).toEqual([]);
    await activate(admin, dialog.getByRole('button', { name: 'Budget speichern' }));
    await admin
      .getByRole('status')
      .getByText(/Achim beträgt jetzt 61\.234,56 €/)
      .waitFor();
    await admin.getByRole('cell', { name: 'Nachtrag laut Kreistagsbeschluss' }).waitFor();
    const achim = admin
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: 'Achim' }) })
      .first();
    expect(await achim.textContent()).toContain('61.234,56 €');

    const committee = await env.newPage();
    await signInAs(committee, COMMITTEE, '/budget');
    await heading(committee, 'Sozialraumbudget').waitFor();
    await committee.getByRole('rowheader', { name: 'kreisweit' }).waitFor();
    expect(await committee.getByRole('button', { name: /Budget ändern/ }).count()).toBe(0);
    expect(await wcagViolations(committee)).toEqual([]);

    const finance = await env.newPage();
    await signInAs(finance, FINANCE, '/angebote');
    await activate(finance, finance.getByRole('link', { name: FEE_OFFER }).first());
    await heading(finance, FEE_OFFER).waitFor();
    await heading(finance, 'Mittel', 2).waitFor();
    await finance.getByRole('rowheader', { name: 'Bindung (Bescheid)' }).first().waitFor();
    await finance.getByRole('rowheader', { name: 'Auszahlung' }).first().waitFor();
    expect(await finance.getByText(/40 h/).count()).toBeGreaterThan(0);
    await finance.getByRole('button', { name: 'Buchen' }).waitFor();
    expect(await wcagViolations(finance)).toEqual([]);
  });
});
