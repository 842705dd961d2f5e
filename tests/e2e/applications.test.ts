import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALL } from '../../server/src/applications/seed-demo-applications.js';
import {
  apiSession,
  browserAvailable,
  DEMO_PROVIDER,
  DEMO_TEAM_LEAD,
  demoUser,
  type E2eEnvironment,
  fieldLabel,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { activate, tabTo } from '../support/keyboard.js';

/** The second demo Träger: its demo application is a draft, which it withdraws before applying anew. */
const SECOND_PROVIDER = 'traeger2@demo.sozialraum.invalid';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element.contains(element.ownerDocument.activeElement));
const noViolations = async (page: Page) => expect(await wcagViolations(page)).toEqual([]);

const APPLICATION = /* GraphQL */ `
  query ($id: UUID!) {
    application(id: $id) {
      revision
      offerDescriptionData
    }
  }
`;
const SAVE_DRAFT = /* GraphQL */ `
  mutation ($input: SaveApplicationDraftInput!) {
    saveApplicationDraft(input: $input) {
      revision
    }
  }
`;

describe.skipIf(!browserAvailable())('calls, applications and scoring in the browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  it('a provider applies for the Oyten call, the team lead requests changes, the provider resubmits and sees the diff, the team lead scores it and sees the ranking', async () => {
    const providerUser = demoUser(SECOND_PROVIDER);
    const providerName = providerUser.providerName!;
    const provider = await env.newPage();
    provider.on('dialog', (dialog) => void dialog.accept());

    // The provider's list holds its demo draft; it withdraws it (with a confirmation).
    await signInAs(provider, SECOND_PROVIDER, '/interessensbekundungen');
    await heading(provider, 'Interessensbekundungen').waitFor();
    expect(await nav(provider).getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Aufrufe', 'Interessensbekundungen']),
    );
    await provider.getByTestId('application-row').first().waitFor();
    await noViolations(provider);
    await activate(provider, provider.getByRole('link', { name: DEMO_CALL.needTitle }));
    await heading(provider, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await provider.getByTestId('call-summary').waitFor();
    await noViolations(provider);
    await activate(provider, provider.getByRole('button', { name: 'Zurückziehen' }));
    const withdrawDialog = provider.getByRole('dialog', { name: 'Interessensbekundung zurückziehen?' });
    await withdrawDialog.waitFor();
    await noViolations(provider);
    await activate(provider, withdrawDialog.getByRole('button', { name: 'Zurückziehen' }));
    await provider.getByTestId('application-notice').getByText('zurückgezogen').waitFor();
    expect(await provider.getByTestId('application-state').textContent()).toBe('Zustand: Zurückgezogen');

    // The calls open to it: the Oyten call with deadline, category and financing kind.
    await activate(provider, nav(provider).getByRole('link', { name: 'Aufrufe' }), 'Shift+Tab');
    await heading(provider, 'Aufrufe zur Interessensbekundung').waitFor();
    await provider.getByTestId('call-list').waitFor();
    await noViolations(provider);
    await activate(provider, provider.getByRole('link', { name: DEMO_CALL.needTitle }));
    await heading(provider, `Aufruf: ${DEMO_CALL.needTitle}`).waitFor();
    expect(await provider.getByTestId('call-financing').textContent()).toBe('Kreiszuschuss (§ 74 SGB VIII)');
    expect(await provider.getByTestId('call-deadline').textContent()).toMatch(
      /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/,
    );
    await noViolations(provider);

    // It creates an application: the editor shows Anlage 1 and 2 beside the call.
    await activate(provider, provider.getByRole('button', { name: 'Interessensbekundung anlegen' }));
    await heading(provider, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await provider.locator('#anlage-1').getByLabel(fieldLabel('Titel der Maßnahme')).waitFor();
    await provider.locator('#anlage-2').waitFor();
    expect(await provider.getByTestId('application-state').textContent()).toBe('Zustand: Entwurf');
    const applicationId = new URL(provider.url()).pathname.split('/').pop()!;
    await noViolations(provider);

    // Submitting the empty draft lists the problems of both Anlagen; an entry leads to its field.
    await activate(provider, provider.getByRole('button', { name: 'Einreichen' }));
    const summary = provider.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => isFocused(summary)).toBe(true);
    const titleEntry = summary.getByRole('button', { name: /^Anlage 1: Titel der Maßnahme/ });
    await titleEntry.waitFor();
    expect(await summary.getByRole('button', { name: /^Anlage 2: / }).count()).toBeGreaterThan(0);
    await noViolations(provider);
    await activate(provider, titleEntry);
    const titleField = provider.locator('#anlage-1').getByLabel(fieldLabel('Titel der Maßnahme'));
    await expect.poll(() => isFocused(titleField)).toBe(true);

    // Sample data in both Anlagen, then the draft is saved on the server.
    await activate(provider, provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 1' }));
    await activate(provider, provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 2' }));
    await activate(provider, provider.getByRole('button', { name: 'Entwurf speichern' }));
    await provider
      .getByTestId('editor-status')
      .getByText(/^Entwurf gespeichert am /)
      .waitFor();

    // Someone else saves meanwhile: the next save is refused as stale and offers to load the current state.
    const asProvider = await apiSession(env.platform.url, providerUser.email, providerUser.password);
    const stored = (await asProvider(APPLICATION, { id: applicationId })).application;
    await asProvider(SAVE_DRAFT, {
      input: {
        id: applicationId,
        revision: stored.revision,
        offerDescriptionData: { ...stored.offerDescriptionData, title: 'Familienzeit Oyten' },
      },
    });
    await activate(provider, provider.getByRole('button', { name: 'Entwurf speichern' }), 'Shift+Tab');
    const failure = provider.getByTestId('editor-failure');
    await failure.getByText(/inzwischen an anderer Stelle gespeichert/).waitFor();
    await expect.poll(() => isFocused(failure)).toBe(true);
    await noViolations(provider);
    await activate(provider, failure.getByRole('button', { name: 'Aktuellen Stand laden' }));
    await provider.getByTestId('application-notice').getByText('Der aktuelle Stand wurde geladen.').waitFor();
    await expect.poll(() => titleField.inputValue()).toBe('Familienzeit Oyten');

    // Submit: revision 1.
    await activate(provider, provider.getByRole('button', { name: 'Einreichen' }));
    await provider
      .getByTestId('application-notice')
      .getByText('Die Interessensbekundung wurde eingereicht.')
      .waitFor();
    expect(await provider.getByTestId('application-state').textContent()).toBe('Zustand: Eingereicht');
    expect(await provider.getByTestId('revision-row').count()).toBe(1);
    // Providers never see scores: no scoring action, no scoring page.
    expect(await provider.getByRole('link', { name: 'Bewerten (Anlage 3)' }).count()).toBe(0);
    await noViolations(provider);

    // The team lead finds it on the need page and requests changes with a comment.
    const lead = await env.newPage();
    await signInAs(lead, DEMO_TEAM_LEAD, '/bedarfe');
    await heading(lead, 'Bedarfe').waitFor();
    await activate(
      lead,
      lead.getByRole('table', { name: 'Bedarfe' }).getByRole('link', { name: DEMO_CALL.needTitle }),
    );
    await heading(lead, DEMO_CALL.needTitle).waitFor();
    const needId = new URL(lead.url()).pathname.split('/').pop()!;
    const applicationsOfNeed = lead.getByTestId('need-applications');
    await applicationsOfNeed.waitFor();
    expect(await applicationsOfNeed.getByTestId('application-row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(providerName)]),
    );
    await noViolations(lead);
    await activate(
      lead,
      applicationsOfNeed
        .getByTestId('application-row')
        .filter({ hasText: 'Eingereicht' })
        .getByRole('link', { name: providerName }),
    );
    await heading(lead, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await noViolations(lead);
    await activate(lead, lead.getByRole('button', { name: 'Änderungen anfordern' }));
    const changesDialog = lead.getByRole('dialog', { name: 'Änderungen anfordern' });
    await changesDialog.waitFor();
    await noViolations(lead);
    await tabTo(lead, changesDialog.getByLabel(fieldLabel('Was soll der Träger ändern?')));
    await lead.keyboard.type('Bitte nennen Sie die Kita Oyten-Mitte als Ort.');
    await activate(lead, changesDialog.getByRole('button', { name: 'Änderungen anfordern' }));
    await lead
      .getByTestId('application-notice')
      .getByText('Die Änderungen wurden beim Träger angefordert.')
      .waitFor();
    expect(await lead.getByTestId('application-state').textContent()).toBe('Zustand: Änderungen angefordert');

    // The provider sees the comment prominently, changes the title and resubmits.
    await provider.reload();
    await heading(provider, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    expect(await provider.getByTestId('change-request-comment').textContent()).toBe(
      'Bitte nennen Sie die Kita Oyten-Mitte als Ort.',
    );
    await noViolations(provider);
    const title = provider.locator('#anlage-1').getByLabel(fieldLabel('Titel der Maßnahme'));
    await tabTo(provider, title);
    await provider.keyboard.press('ControlOrMeta+A');
    await provider.keyboard.type('Familienzeit an der Kita Oyten-Mitte');
    await activate(provider, provider.getByRole('button', { name: 'Erneut einreichen' }));
    await provider
      .getByTestId('application-notice')
      .getByText('Die Interessensbekundung wurde erneut eingereicht.')
      .waitFor();
    expect(await provider.getByTestId('revision-row').count()).toBe(2);

    // The diff between revision 1 and 2, with German labels.
    const change = provider.getByTestId('revision-change').filter({ hasText: 'Titel der Maßnahme' });
    await change.waitFor();
    expect((await change.locator('td').allTextContents()).map((text) => text.trim())).toEqual([
      'Familienzeit Oyten',
      'Familienzeit an der Kita Oyten-Mitte',
    ]);
    await noViolations(provider);

    // The team lead scores it: the weighted score follows each choice live.
    await lead.reload();
    await heading(lead, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await activate(lead, lead.getByRole('link', { name: 'Bewerten (Anlage 3)' }));
    await heading(lead, `Bewertung: ${DEMO_CALL.needTitle} – ${providerName}`).waitFor();
    await noViolations(lead);
    await activate(lead, lead.getByRole('button', { name: 'Bewertung beginnen' }));
    await lead.getByTestId('score-notice').waitFor();
    const live = lead.getByTestId('live-weighted-score');
    expect(await live.textContent()).toBe('Gewichtete Bewertung: –');
    const sheet = lead.locator('#anlage-3');
    // Bedarfsgerechtigkeit (weight 3) by keyboard: 4 of 4 → 12 of 64 points = 18,75 %.
    await tabTo(lead, sheet.getByRole('radio').first());
    await lead.keyboard.press('Space');
    for (let step = 0; step < 4; step++) await lead.keyboard.press('ArrowDown');
    expect(await sheet.getByRole('radio', { name: /^4 – Bedarf in vollem Umfang/ }).isChecked()).toBe(true);
    await expect.poll(() => live.textContent()).toBe('Gewichtete Bewertung: 18,75 %');
    // The other six criteria: 3 of 4 each → (12 + 3 · 13) / 64 = 51 / 64 = 79,69 %.
    const threes = sheet.getByRole('radio', { name: /^3 – / });
    for (let index = 1; index < 7; index++) await threes.nth(index).check();
    await expect.poll(() => live.textContent()).toBe('Gewichtete Bewertung: 79,69 %');
    await noViolations(lead);
    await activate(lead, lead.getByRole('button', { name: 'Bewertung einreichen' }));
    await lead.getByTestId('score-notice').getByText('Die Bewertung wurde eingereicht: 79,69 %.').waitFor();
    expect(await lead.getByTestId('score-revisions').locator('li').count()).toBe(1);

    // A correction is a new revision: Nachhaltigkeit (weight 1) 4 instead of 3 → 52 / 64 = 81,25 %.
    await sheet.getByRole('radio', { name: /^4 – / }).nth(5).check();
    await expect.poll(() => live.textContent()).toBe('Gewichtete Bewertung: 81,25 %');
    await activate(lead, lead.getByRole('button', { name: 'Korrektur einreichen' }));
    await lead.getByTestId('score-notice').getByText('Die Korrektur wurde eingereicht: 81,25 %.').waitFor();
    expect(await lead.getByTestId('score-revisions').locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Fassung 1: 79,69 %, /),
      expect.stringMatching(/^Fassung 2: 81,25 %, /),
    ]);

    // The ranking: the scored application first, the competing one of the first Träger without a score.
    await activate(lead, lead.getByRole('link', { name: 'Zur Rangfolge' }), 'Shift+Tab');
    await heading(lead, `Rangfolge: ${DEMO_CALL.needTitle}`).waitFor();
    const rows = lead.getByTestId('ranking-row');
    await rows.first().waitFor();
    const firstCells = (await rows.first().locator('td, th').allTextContents()).map((text) => text.trim());
    expect(firstCells.slice(0, 4)).toEqual(['1', providerName, '81,25 %', '1']);
    expect(firstCells[4]).toMatch(/^[\d.]+,\d{2}\s€$/);
    const competitor = demoUser(DEMO_PROVIDER).providerName!;
    expect(await rows.filter({ hasText: competitor }).locator('td').first().textContent()).toBe(
      'ohne Bewertung',
    );
    expect(new URL(lead.url()).pathname).toBe(`/bewertungen/rangfolge/${needId}`);
    await noViolations(lead);

    // Provider staff cannot open the scoring pages.
    await provider.goto(`/bewertungen/${applicationId}`);
    expect(await provider.getByRole('heading', { level: 1, name: /^Bewertung:/ }).count()).toBe(0);
  }, 600_000);

  it('the team lead opens a call for invited Träger from the need page, only they see it, and the team lead closes it', async () => {
    const needTitle = 'Soziales Training in den 5. Klassen der Oberschule Achim';
    const invitedName = demoUser(SECOND_PROVIDER).providerName!;
    const lead = await env.newPage();
    await signInAs(lead, DEMO_TEAM_LEAD, '/bedarfe');
    await heading(lead, 'Bedarfe').waitFor();
    await activate(lead, lead.getByRole('table', { name: 'Bedarfe' }).getByRole('link', { name: needTitle }));
    await heading(lead, needTitle).waitFor();
    await activate(lead, lead.getByRole('button', { name: 'Interessensbekundung eröffnen' }));
    const dialog = lead.getByRole('dialog', { name: 'Interessensbekundung eröffnen' });
    await dialog.waitFor();
    await noViolations(lead);

    // Missing answers get German messages.
    await activate(lead, dialog.getByRole('button', { name: 'Aufruf eröffnen' }));
    await dialog.getByText('Bitte füllen Sie „Frist: Datum“ aus.').waitFor();
    await dialog.getByText('Bitte füllen Sie „Angebotsart (bestimmt die Finanzierung)“ aus.').waitFor();
    await noViolations(lead);

    const year = new Date().getFullYear() + 1;
    await tabTo(lead, dialog.getByLabel(fieldLabel('Frist: Datum')));
    await lead.keyboard.type(`15.03.${year}`);
    const category = dialog.getByLabel(fieldLabel('Angebotsart (bestimmt die Finanzierung)'));
    await tabTo(lead, category);
    await lead.keyboard.type('Gruppen');
    await expect.poll(() => category.locator('option:checked').textContent()).toMatch(/^Gruppenangebot/);
    const audience = dialog.getByLabel(fieldLabel('Für wen ist der Aufruf?'));
    await tabTo(lead, audience);
    await lead.keyboard.type('Nur');
    await expect.poll(() => audience.locator('option:checked').textContent()).toBe('Nur eingeladene Träger');
    await tabTo(lead, dialog.getByLabel(`Eingeladen: ${invitedName}`));
    await lead.keyboard.press('Space');
    await activate(lead, dialog.getByRole('button', { name: 'Aufruf eröffnen' }));
    await lead
      .getByTestId('need-notice')
      .getByText('Der Aufruf zur Interessensbekundung wurde eröffnet.')
      .waitFor();
    await lead.getByText('Zustand: Interessensbekundung offen').waitFor();
    const section = lead.getByRole('region', { name: /^Aufruf zur Interessensbekundung/ });
    expect(await section.getByTestId('call-financing').textContent()).toBe(
      'Entgeltfinanziert: Fachleistungsstunden (§ 77 SGB VIII)',
    );
    expect(await section.getByTestId('call-deadline').textContent()).toBe(`15.03.${year}, 23:59 Uhr`);
    await section.getByText(invitedName).waitFor();
    await noViolations(lead);

    // Only the invited Träger sees the call.
    const invited = await env.newPage();
    await signInAs(invited, SECOND_PROVIDER, '/aufrufe');
    await heading(invited, 'Aufrufe zur Interessensbekundung').waitFor();
    await invited.getByRole('link', { name: needTitle }).waitFor();
    const other = await env.newPage();
    await signInAs(other, DEMO_PROVIDER, '/aufrufe');
    await heading(other, 'Aufrufe zur Interessensbekundung').waitFor();
    await other.getByRole('link', { name: DEMO_CALL.needTitle }).waitFor();
    expect(await other.getByRole('link', { name: needTitle }).count()).toBe(0);

    // The team lead closes the call (with a confirmation).
    await activate(lead, section.getByRole('button', { name: 'Aufruf schließen' }));
    const confirm = lead.getByRole('dialog', { name: 'Aufruf schließen?' });
    await confirm.waitFor();
    await noViolations(lead);
    await activate(lead, confirm.getByRole('button', { name: 'Aufruf schließen' }));
    await lead.getByTestId('need-notice').getByText('Der Aufruf wurde geschlossen.').waitFor();
    await lead.getByText('Zustand: Interessensbekundung geschlossen').waitFor();
    await invited.reload();
    await heading(invited, 'Aufrufe zur Interessensbekundung').waitFor();
    await invited.getByTestId('call-list').waitFor();
    expect(await invited.getByRole('link', { name: needTitle }).count()).toBe(0);
  }, 300_000);
});
