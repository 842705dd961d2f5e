import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Tabs to a field and types into it. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/**
 * Tabs to a (native) select and chooses the option starting with `text` by typing it. `afterTyping`: the
 * select took keys a moment ago, whose type-ahead is forgotten only after a second of quiet.
 */
async function choose(page: Page, select: Locator, text: string, afterTyping = false): Promise<void> {
  await tabTo(page, select);
  if (afterTyping) await page.waitForTimeout(1100);
  await page.keyboard.type(text);
  await expect.poll(() => select.locator('option:checked').textContent()).toMatch(new RegExp(`^${text}`));
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

const UPDATE_NEED = /* GraphQL */ `
  mutation ($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      id
      revision
    }
  }
`;
const NEED = /* GraphQL */ `
  query ($id: UUID!) {
    need(id: $id) {
      revision
      priority
      socialArea {
        id
      }
    }
  }
`;
const RECORD_NEED = /* GraphQL */ `
  mutation ($input: RecordNeedInput!) {
    recordNeed(input: $input) {
      id
      revision
    }
  }
`;
const DECIDE_RESOURCES = /* GraphQL */ `
  mutation ($input: DecideNeedResourcesInput!) {
    decideNeedResources(input: $input) {
      revision
    }
  }
`;
const DECIDE_OFFER = /* GraphQL */ `
  mutation ($input: DecideNeedOfferInput!) {
    decideNeedOffer(input: $input) {
      id
    }
  }
`;

describe.skipIf(!browserAvailable())('needs (Bedarfe) in the browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  it('the team lead records a need by keyboard, takes both decisions, involves a body, sees the timeline and reorders the priorities', async () => {
    const lead = demoUser(DEMO_TEAM_LEAD);
    const asLead = await apiSession(env.platform.url, lead.email, lead.password);
    const title = `Hausaufgabenhilfe Achim-Mitte ${randomUUID().slice(0, 8)}`;
    const page = await env.newPage();
    await signInAs(page, DEMO_TEAM_LEAD, '/bedarfe');
    await heading(page, 'Bedarfe').waitFor();
    expect(await nav(page).getByRole('link').allTextContents()).toContain('Bedarfe');
    await page.getByTestId('need-row').first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // The filters: only the needs of Oyten, then all again.
    const areaFilter = page.getByLabel('Sozialraum', { exact: true });
    await choose(page, areaFilter, 'Oyten');
    await expect
      .poll(
        async () =>
          new Set(await page.getByTestId('need-row').locator('td:nth-of-type(1)').allTextContents()),
      )
      .toEqual(new Set(['Oyten']));
    await choose(page, areaFilter, 'Alle', true);

    // Recording: empty fields get German messages, then the need is recorded for Achim.
    await activate(page, page.getByRole('button', { name: 'Bedarf erfassen' }));
    const recordDialog = page.getByRole('dialog', { name: 'Bedarf erfassen' });
    await recordDialog.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, recordDialog.getByRole('button', { name: 'Bedarf erfassen' }));
    await recordDialog.getByText('Bitte füllen Sie „Kurzbezeichnung“ aus.').waitFor();
    await recordDialog.getByText('Bitte füllen Sie „Situationsbeschreibung“ aus.').waitFor();
    expect(await isFocused(recordDialog.getByLabel(fieldLabel('Kurzbezeichnung')))).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);
    await typeInto(page, recordDialog.getByLabel(fieldLabel('Kurzbezeichnung')), title);
    await choose(page, recordDialog.getByLabel(fieldLabel('Sozialraum')), 'Achim');
    await typeInto(
      page,
      recordDialog.getByLabel(fieldLabel('Situationsbeschreibung')),
      'Viele Kinder der Grundschule Achim-Mitte haben am Nachmittag keine Unterstützung bei den Hausaufgaben.',
    );
    await activate(page, recordDialog.getByRole('button', { name: 'Bedarf erfassen' }));
    await heading(page, title).waitFor();
    const needId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('Zustand: Erfasst').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Decision 1: no, the resources in the Sozialraum do not cover it; a running offer of Achim and one
    // Träger were considered.
    await activate(page, page.getByRole('button', { name: 'Entscheidung 1 treffen' }));
    const resourcesDialog = page.getByRole('dialog', { name: /Entscheidung 1/ });
    await resourcesDialog.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await choose(
      page,
      resourcesDialog.getByLabel(
        fieldLabel('Kann der Bedarf mit den Ressourcen im Sozialraum gedeckt werden?'),
      ),
      'Nein',
    );
    await typeInto(
      page,
      resourcesDialog.getByLabel(fieldLabel('Begründung')),
      'Die Hausaufgabenhilfe des Jugendtreffs ist voll belegt.',
    );
    // The running offers of Achim and the county-wide ones, with their Träger; none of another Sozialraum.
    const offerBoxes = resourcesDialog.getByRole('checkbox', { name: /^Betrachtetes laufendes Angebot:/ });
    const offerLabels = await offerBoxes.evaluateAll((boxes) =>
      boxes.map((box) => box.closest('label')?.textContent ?? ''),
    );
    expect(offerLabels.length).toBeGreaterThan(0);
    expect(offerLabels.every((label) => /\((Achim|kreisweit)\)$/.test(label))).toBe(true);
    const elterncafé = resourcesDialog.getByRole('checkbox', {
      name: /^Betrachtetes laufendes Angebot: Elterncafé „Familienzeit“ in Achim-Baden – .+ \(Achim\)$/,
    });
    await tabTo(page, elterncafé);
    await page.keyboard.press('Space');
    expect(await elterncafé.isChecked()).toBe(true);
    await typeInto(
      page,
      resourcesDialog.getByLabel(fieldLabel('Weitere betrachtete Ressourcen')),
      'Jugendtreff Achim',
    );
    await tabTo(page, resourcesDialog.getByRole('checkbox', { name: /^Betrachteter Träger:/ }).first());
    await page.keyboard.press('Space');
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, resourcesDialog.getByRole('button', { name: 'Entscheidung speichern' }));
    await resourcesDialog.waitFor({ state: 'hidden' });
    await page.getByText('Zustand: Ressourcen reichen nicht aus').waitFor();
    const notice = page.getByTestId('need-notice');
    expect(await notice.textContent()).toContain('Entscheidung 1 wurde gespeichert');
    // The message is announced and takes the focus, so keyboard users go on from there.
    await expect.poll(() => isFocused(notice)).toBe(true);
    // The need names the offer considered, linked to its page.
    const considered = page.getByTestId('need-considered-offers').getByRole('link');
    expect(await considered.allTextContents()).toEqual(['Elterncafé „Familienzeit“ in Achim-Baden']);
    const offerHref = await considered.getAttribute('href');
    expect(offerHref).toMatch(/^\/angebote\/[0-9a-f-]{36}$/);
    await page.getByText('Jugendtreff Achim').waitFor();
    await activate(page, considered);
    await heading(page, 'Elterncafé „Familienzeit“ in Achim-Baden').waitFor();
    expect(new URL(page.url()).pathname).toBe(offerHref);
    await page.goBack();
    await heading(page, title).waitFor();

    // A stale save: someone else changed the need meanwhile; the dialog says so and keeps the input.
    const { need: before } = await asLead(NEED, { id: needId });
    await asLead(UPDATE_NEED, {
      input: {
        id: needId,
        revision: before.revision,
        situationDescription: 'Ergänzt: auch Kinder der 5. Klassen.',
      },
    });
    await activate(page, page.getByRole('button', { name: 'Entscheidung 2 treffen' }));
    let offerDialog = page.getByRole('dialog', { name: /Entscheidung 2/ });
    await offerDialog.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    const offerJustification = 'Ein Gruppenangebot am Nachmittag kann Einzelfallhilfen vermeiden.';
    await choose(
      page,
      offerDialog.getByLabel(fieldLabel('Soll der Bedarf durch ein Angebot gedeckt werden?')),
      'Ja',
    );
    await typeInto(page, offerDialog.getByLabel(fieldLabel('Begründung')), offerJustification);
    await activate(page, offerDialog.getByRole('button', { name: 'Entscheidung speichern' }));
    const conflict = offerDialog.getByTestId('dialog-error');
    await conflict.waitFor();
    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await conflict.getByTestId('error-code').textContent()).toContain('CONFLICT');
    expect(await offerDialog.getByLabel(fieldLabel('Begründung')).inputValue()).toBe(offerJustification);
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, offerDialog.getByRole('button', { name: 'Abbrechen' }));
    await offerDialog.waitFor({ state: 'hidden' });

    // After reloading, decision 2: yes, an offer is planned.
    await page.reload();
    await heading(page, title).waitFor();
    await page.getByText('Ergänzt: auch Kinder der 5. Klassen.').waitFor();
    await activate(page, page.getByRole('button', { name: 'Entscheidung 2 treffen' }));
    offerDialog = page.getByRole('dialog', { name: /Entscheidung 2/ });
    await offerDialog.waitFor();
    await choose(
      page,
      offerDialog.getByLabel(fieldLabel('Soll der Bedarf durch ein Angebot gedeckt werden?')),
      'Ja',
    );
    await typeInto(page, offerDialog.getByLabel(fieldLabel('Begründung')), offerJustification);
    await activate(page, offerDialog.getByRole('button', { name: 'Entscheidung speichern' }));
    await offerDialog.waitFor({ state: 'hidden' });
    await page.getByText('Zustand: Angebot geplant').waitFor();

    // A body's involvement: a wrong date is refused in German, then it is recorded.
    await activate(page, page.getByRole('button', { name: 'Beteiligung eines Gremiums festhalten' }));
    const bodyDialog = page.getByRole('dialog', { name: 'Beteiligung eines Gremiums festhalten' });
    await bodyDialog.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await choose(page, bodyDialog.getByLabel(fieldLabel('Gremium')), 'AG nach');
    await choose(page, bodyDialog.getByLabel(fieldLabel('Art der Beteiligung')), 'Beteiligung');
    await activate(page, bodyDialog.getByRole('button', { name: 'Beteiligung festhalten' }));
    await bodyDialog.getByText('Bitte füllen Sie „Datum der Befassung“ aus.').waitFor();
    await bodyDialog.getByText('Bitte füllen Sie „Ergebnis der Befassung“ aus.').waitFor();
    const dateField = bodyDialog.getByLabel(fieldLabel('Datum der Befassung'));
    await typeInto(page, dateField, '31.11.2026');
    await activate(page, bodyDialog.getByRole('button', { name: 'Beteiligung festhalten' }));
    await bodyDialog
      .getByText('Bitte geben Sie ein gültiges Datum als TT.MM.JJJJ an, z. B. 20.11.2026.')
      .waitFor();
    expect(await isFocused(dateField)).toBe(true);
    await dateField.press('ControlOrMeta+a');
    await page.keyboard.type('20.11.2026');
    await typeInto(
      page,
      bodyDialog.getByLabel(fieldLabel('Ergebnis der Befassung')),
      'Die AG begrüßt das Vorhaben.',
    );
    await activate(page, bodyDialog.getByRole('button', { name: 'Beteiligung festhalten' }));
    await bodyDialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('need-bodies')
      .getByText(/AG nach § 78 SGB VIII: Beteiligung am 20\.11\.2026/)
      .waitFor();

    // Steps 4 and 6: contacts, funding programmes and the professional justification.
    await activate(
      page,
      page.getByRole('button', { name: 'Kontakte, Förderprogramme und Begründung festhalten' }),
    );
    const planDialog = page.getByRole('dialog', { name: 'Kontakte, Förderprogramme und Begründung' });
    await planDialog.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await typeInto(
      page,
      planDialog.getByLabel(fieldLabel('Kontaktaufnahme mit FD 51')),
      'Abgestimmt mit FD 51.',
    );
    await typeInto(
      page,
      planDialog.getByLabel(fieldLabel('Geprüfte Förderprogramme und Ergebnis')),
      'Programm „Lernen vor Ort“: nicht einschlägig.',
    );
    await activate(page, planDialog.getByRole('button', { name: 'Speichern' }));
    await planDialog.waitFor({ state: 'hidden' });
    await page.getByText('Programm „Lernen vor Ort“: nicht einschlägig.').waitFor();

    // Editing the title and situation: the dialog passes axe; Escape closes it and nothing changes.
    await activate(page, page.getByRole('button', { name: 'Bearbeiten', exact: true }));
    const editDialog = page.getByRole('dialog', { name: 'Bedarf bearbeiten' });
    await editDialog.waitFor();
    expect(await editDialog.getByLabel(fieldLabel('Kurzbezeichnung')).inputValue()).toBe(title);
    expect(await wcagViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await editDialog.waitFor({ state: 'hidden' });

    const timeline = page.getByRole('list', { name: 'Verlauf des Bedarfs' });
    const entries = await timeline.getByRole('listitem').allTextContents();
    expect(entries).toHaveLength(4);
    expect(entries[0]).toContain('Bedarf erfasst');
    expect(entries[1]).toMatch(/Entscheidung 1.*Nein/);
    expect(entries[1]).toContain('Die Hausaufgabenhilfe des Jugendtreffs ist voll belegt.');
    expect(entries[1]).toContain('Betrachtete laufende Angebote: Elterncafé „Familienzeit“ in Achim-Baden');
    expect(entries[2]).toMatch(/Entscheidung 2.*Ja/);
    expect(entries[3]).toContain('AG nach § 78 SGB VIII');
    expect(entries.every((entry) => entry.includes(lead.displayName))).toBe(true);
    expect(await page.getByText('Entschieden von').count()).toBe(2);
    expect(await wcagViolations(page)).toEqual([]);

    // Priorities: the new need is last among Achim's open needs; it moves to the top by keyboard.
    await activate(page, nav(page).getByRole('link', { name: 'Bedarfe' }), 'Shift+Tab');
    await heading(page, 'Bedarfe').waitFor();
    const { need: recorded } = await asLead(NEED, { id: needId });
    const achim: string = recorded.socialArea.id;
    const achimList = page.getByTestId(`priority-list-${achim}`);
    await expect
      .poll(async () => (await achimList.getByRole('listitem').allTextContents()).at(-1))
      .toContain(title);
    const openCount = await achimList.getByRole('listitem').count();
    expect(openCount).toBeGreaterThanOrEqual(2);
    await activate(page, page.getByRole('link', { name: 'Priorisierung für Achim ändern' }));
    await heading(page, 'Priorisierung: Achim').waitFor();
    await page.getByTestId('prioritisation-item').first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    const up = page.getByRole('button', { name: `„${title}“ nach oben` });
    await tabTo(page, up);
    for (let step = 1; step < openCount; step++) await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('prioritisation-item').first().textContent()).toContain(title);
    // At the top, „nach oben“ is disabled and the focus stays on the need's other button.
    expect(await isFocused(page.getByRole('button', { name: `„${title}“ nach unten` }))).toBe(true);
    expect(await page.getByTestId('prioritisation-announcement').textContent()).toBe(
      `„${title}“ ist jetzt an Position 1 von ${openCount}.`,
    );
    await typeInto(
      page,
      page.getByLabel('Begründung der Reihenfolge (optional)'),
      'Die Hausaufgabenhilfe betrifft die meisten Kinder.',
    );
    await activate(page, page.getByRole('button', { name: 'Reihenfolge speichern' }));
    await expect
      .poll(() => page.getByTestId('prioritisation-outcome').textContent())
      .toBe('Die Reihenfolge wurde gespeichert.');
    expect((await asLead(NEED, { id: needId })).need.priority).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);

    // Meanwhile another open need comes up in Achim: saving the outdated list reloads the current one with a message.
    await activate(page, page.getByRole('button', { name: `„${title}“ nach unten` }));
    const extraTitle = `Elterncafé Achim ${randomUUID().slice(0, 8)}`;
    const { recordNeed } = await asLead(RECORD_NEED, {
      input: {
        title: extraTitle,
        situationDescription: 'Eltern wünschen sich Austausch.',
        countyWide: false,
        socialAreaId: achim,
      },
    });
    const { decideNeedResources } = await asLead(DECIDE_RESOURCES, {
      input: {
        id: recordNeed.id,
        revision: recordNeed.revision,
        covered: false,
        justification: 'Ausgelastet.',
      },
    });
    await asLead(DECIDE_OFFER, {
      input: {
        id: recordNeed.id,
        revision: decideNeedResources.revision,
        offer: true,
        justification: 'Sinnvoll.',
      },
    });
    await activate(page, page.getByRole('button', { name: 'Reihenfolge speichern' }));
    const stale = page.getByTestId('prioritisation-outcome');
    await expect.poll(() => stale.textContent()).toContain('Die aktuelle Reihenfolge wurde neu geladen.');
    expect(await stale.getAttribute('role')).toBe('alert');
    expect(await stale.getByTestId('error-code').textContent()).toContain('CONFLICT');
    await expect.poll(() => page.getByTestId('prioritisation-item').count()).toBe(openCount + 1);
    const reloaded = await page.getByTestId('prioritisation-item').allTextContents();
    expect(reloaded[0]).toContain(title);
    expect(reloaded.at(-1)).toContain(extraTitle);
    expect((await asLead(NEED, { id: needId })).need.priority).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);

  it('provider staff get no „Bedarfe“ navigation and no needs page', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER);
    await heading(page, 'Formulare').waitFor();
    expect(await nav(page).getByRole('link').allTextContents()).not.toContain('Bedarfe');
    await page.goto('/bedarfe');
    await heading(page, 'Keine Berechtigung').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    const needs = await page.request.post('/graphql', { data: { query: '{ needs { id } }' } });
    const body = await needs.json();
    // Refused, or an empty list: provider staff never see a need.
    expect(body.data?.needs ?? []).toEqual([]);
    await page.close();
  });
});
