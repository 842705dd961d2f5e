import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALL } from '../../server/src/applications/seed-demo-applications.js';
import { DEMO_PROVIDERS } from '../../server/src/master-data/seed-demo-master-data.js';
import {
  browserAvailable,
  type E2eEnvironment,
  fieldLabel,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { activate, tabTo } from '../support/keyboard.js';

const REGIONAL_TEAM = 'regionalteam@demo.sozialraum.invalid';
const FINANCE = 'wjh@demo.sozialraum.invalid';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

describe.skipIf(!browserAvailable())('the Regionalteam decides, finance issues the notice', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  }, 240_000);
  afterAll(() => env?.close());

  it('approves over budget after the warning, issues the notice and downloads its PDF, by keyboard and axe-clean', async () => {
    const provider = DEMO_PROVIDERS[0].name;

    // The Sozialraumbudget (demo: every Sozialraum and budget year has one).
    const admin = await env.newPage();
    await signInAs(admin, 'admin@demo.sozialraum.invalid');
    await activate(admin, nav(admin).getByRole('link', { name: 'Sozialraumbudget' }));
    await heading(admin, 'Sozialraumbudget').waitFor();
    await admin.getByRole('rowheader', { name: 'Oyten' }).first().waitFor();
    await admin.getByRole('button', { name: 'Budget ändern: Oyten' }).waitFor();
    expect(await wcagViolations(admin)).toEqual([]);

    // The Regionalteam: its decision list, grouped by need, then the demo application in Oyten.
    const team = await env.newPage();
    await signInAs(team, REGIONAL_TEAM);
    await activate(team, nav(team).getByRole('link', { name: 'Entscheidungen' }));
    await heading(team, 'Entscheidungen').waitFor();
    await team.getByRole('heading', { level: 2, name: DEMO_CALL.needTitle }).waitFor();
    expect(await wcagViolations(team)).toEqual([]);
    await activate(team, team.getByRole('link', { name: `Entscheiden: ${provider}` }).first());
    await heading(team, `Entscheidung: ${DEMO_CALL.needTitle}`).waitFor();

    // The form is prefilled from Anlage 2; Oyten's allocation is tight, so the budget check warns.
    const warning = team.getByTestId('budget-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /überschreitet das verbleibende Budget des Sozialraums im Haushaltsjahr 2026/,
    );
    expect(await team.getByLabel('Bewilligter Betrag in Euro').inputValue()).toMatch(
      /^\d{1,3}(\.\d{3})*,\d{2}$/,
    );
    expect(await wcagViolations(team)).toEqual([]);
    await tabTo(team, team.getByLabel(fieldLabel('Begründung')));
    await team.keyboard.type('Bedarf belegt, Konzept überzeugend; die Überschreitung trägt der Sozialraum.');
    await activate(team, team.getByRole('button', { name: 'Bewilligen' }));
    await team.getByRole('status').filter({ hasText: 'Die Entscheidung ist gespeichert.' }).waitFor();
    await team.getByRole('heading', { level: 2, name: 'Bewilligt' }).waitFor();
    expect(
      await team.getByText('Die Bewilligung überschritt das verbleibende Budget des Sozialraums.').count(),
    ).toBe(1);
    expect(await wcagViolations(team)).toEqual([]);

    // Finance: the approval waits for its notice; it issues it with today's date.
    const finance = await env.newPage();
    await signInAs(finance, FINANCE);
    await activate(finance, nav(finance).getByRole('link', { name: 'Bescheide' }));
    await heading(finance, 'Bescheide').waitFor();
    await finance.getByRole('heading', { level: 3, name: DEMO_CALL.needTitle }).waitFor();
    expect(await wcagViolations(finance)).toEqual([]);
    await activate(
      finance,
      finance.getByRole('button', { name: `Bescheid erlassen: ${DEMO_CALL.needTitle}` }),
    );
    const issued = finance
      .getByRole('status')
      .filter({ hasText: /Der Bescheid SRB-\d{4}-\d{4} ist erlassen/ });
    await issued.waitFor();
    const number = /SRB-\d{4}-\d{4}/.exec((await issued.textContent()) ?? '')![0];

    // The notice page shows the figures and offers the letter as PDF.
    await activate(finance, finance.getByRole('link', { name: number }));
    await heading(finance, `Bescheid ${number}`).waitFor();
    await finance.getByText('§ 74 SGB VIII', { exact: true }).waitFor();
    expect(await wcagViolations(finance)).toEqual([]);
    const download = finance.getByRole('link', { name: 'PDF herunterladen' });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/notices\/[0-9a-f-]{36}\/pdf$/);
    const response = await finance.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const [file] = await Promise.all([finance.waitForEvent('download'), activate(finance, download)]);
    expect(file.suggestedFilename()).toBe(`Bescheid-${number}.pdf`);

    // The Regionalteam of the Sozialraum reads the notice too.
    expect((await team.request.get(href!)).status()).toBe(200);
  }, 240_000);
});
