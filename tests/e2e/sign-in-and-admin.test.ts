import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDERS } from '../../server/src/master-data/seed-demo-master-data.js';
import { Role } from '../../server/src/common/context.js';
import { DEMO_USERS } from '../../server/src/users/demo-users.js';
import {
  apiSession,
  browserAvailable,
  DEMO_ADMIN,
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

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

const FORM_KEY = 'offer-description';
const { sampleData } = JSON.parse(readFileSync(`form-definitions/${FORM_KEY}.json`, 'utf8'));

const SUBMIT = /* GraphQL */ `
  mutation ($formKey: String!, $data: JSON!, $clientSubmissionId: ID!) {
    submitForm(formKey: $formKey, data: $data, clientSubmissionId: $clientSubmissionId) {
      submission {
        id
      }
    }
  }
`;

describe.skipIf(!browserAvailable())(
  'sign-in, administration and the separation of Träger in the browser',
  () => {
    let env: E2eEnvironment;
    beforeAll(async () => {
      env = await startE2eEnvironment();
    });
    afterAll(() => env?.close());

    // First, while every demo account still has its published password (later tests reset one).
    it('every demo account signs in and sees the navigation and the forms of its role, nothing more', async () => {
      const formsOf = (roles: readonly string[]): string[] =>
        [
          ...(roles.includes('PROVIDER') ? ['cost-calculation', 'evaluation', 'offer-description'] : []),
          ...(roles.includes('TEAM_LEAD') ? ['criteria'] : []),
        ].sort();
      const navigationOf = (roles: readonly string[]): string[] => [
        'Meine Aufgaben',
        'Formulare',
        'Einreichungen',
        ...(roles.some((role) => role !== 'PROVIDER') ? ['Bedarfe'] : []),
        ...(roles.includes('PROVIDER') ? ['Aufrufe'] : []),
        ...(roles.includes('PROVIDER') || roles.includes('TEAM_LEAD') ? ['Interessensbekundungen'] : []),
        ...(roles.includes('REGIONAL_TEAM') ? ['Entscheidungen'] : []),
        ...(roles.includes('FINANCE') ? ['Bescheide'] : []),
        ...(roles.length > 0 ? ['Angebote'] : []),
        ...(roles.some((role) => role !== 'COMMITTEE') ? ['Evaluationen'] : []),
        ...(roles.some((role) => role !== 'PROVIDER') ? ['Berichte'] : []),
        ...(roles.some((role) => ['ADMIN', 'FINANCE', 'COMMITTEE'].includes(role))
          ? ['Sozialraumbudget']
          : []),
        ...(roles.includes('ADMIN')
          ? ['Verwaltung', 'Benutzerkonten', 'Formularverwaltung', 'Protokoll']
          : []),
      ];

      for (const user of DEMO_USERS) {
        const page = await env.newPage();
        await signInAs(page, user.email);
        await heading(page, 'Formulare').waitFor();
        expect(await page.getByTestId('signed-in-user').textContent()).toContain(user.displayName);
        expect(await nav(page).getByRole('link').allTextContents(), user.email).toEqual(
          navigationOf(user.roles),
        );
        const expectedForms = formsOf(user.roles);
        if (expectedForms.length > 0) await page.getByTestId(`form-card-${expectedForms[0]}`).waitFor();
        const cards = await page
          .locator('[data-testid^="form-card-"]')
          .evaluateAll((elements) =>
            elements.map((element) => element.getAttribute('data-testid')!.replace('form-card-', '')),
          );
        expect(cards.sort(), user.email).toEqual(expectedForms);
        expect(await wcagViolations(page), user.email).toEqual([]);
        // An administration page the role may not use is not shown, and the server refuses its data.
        if (!user.roles.includes(Role.ADMIN)) {
          await page.goto('/verwaltung/benutzer');
          await heading(page, 'Keine Berechtigung').waitFor();
          const users = await page.request.post('/graphql', { data: { query: '{ users { id } }' } });
          expect((await users.json()).errors[0].extensions.code, user.email).toBe('FORBIDDEN');
        }
        await page.close();
      }
    });

    it('an administrator creates a Träger and its user by keyboard; that user sees only its own Träger’s submissions', async () => {
      // Another Träger's submission, made through the API by its own staff.
      const otherProvider = demoUser('traeger2@demo.sozialraum.invalid');
      const asOtherProvider = await apiSession(env.platform.url, otherProvider.email, otherProvider.password);
      const foreign = await asOtherProvider(SUBMIT, {
        formKey: FORM_KEY,
        data: sampleData,
        clientSubmissionId: randomUUID(),
      });
      const foreignId: string = foreign.submitForm.submission.id;

      const page = await env.newPage();
      const admin = demoUser(DEMO_ADMIN);

      // Without a session every page leads to the sign-in page, which brings the user back afterwards.
      await page.goto('/verwaltung');
      await heading(page, 'Anmelden').waitFor();
      expect(new URL(page.url()).searchParams.get('ziel')).toBe('/verwaltung');
      expect(await page.getByLabel(fieldLabel('E-Mail-Adresse')).getAttribute('autocomplete')).toBe(
        'username',
      );
      expect(await page.getByLabel(fieldLabel('Passwort')).getAttribute('autocomplete')).toBe(
        'current-password',
      );
      expect(await wcagViolations(page)).toEqual([]);

      // A wrong password: the message is announced and receives the focus.
      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), admin.email);
      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), 'falsches-passwort-123');
      await page.keyboard.press('Enter');
      const loginError = page.getByTestId('login-error');
      await loginError.waitFor();
      expect(await loginError.getAttribute('role')).toBe('alert');
      await expect
        .poll(() => loginError.evaluate((element) => element === element.ownerDocument.activeElement))
        .toBe(true);
      expect(await wcagViolations(page)).toEqual([]);

      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), admin.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Verwaltung').waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      // Every administration page passes axe; each is reached by keyboard from the overview.
      for (const title of ['Sozialräume', 'Regionalteams', 'Angebotsarten', 'Haushaltsjahre']) {
        await activate(page, page.getByRole('link', { name: new RegExp(`^${title}`) }));
        await heading(page, title).waitFor();
        await page.getByTestId('master-data-row').first().waitFor();
        expect(await wcagViolations(page)).toEqual([]);
        await activate(page, page.getByRole('link', { name: 'Zur Verwaltung' }), 'Shift+Tab');
        await heading(page, 'Verwaltung').waitFor();
      }

      // A new Träger with address and contact.
      const providerName = `Familienzentrum Langwedel ${randomUUID().slice(0, 8)} e. V.`;
      await activate(page, page.getByRole('link', { name: /^Träger/ }));
      await heading(page, 'Träger').waitFor();
      await page.getByTestId('master-data-row').first().waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, page.getByRole('button', { name: 'Träger anlegen' }));
      const providerDialog = page.getByRole('dialog', { name: 'Träger anlegen' });
      await providerDialog.waitFor();
      await typeInto(page, providerDialog.getByLabel(fieldLabel('Name des Trägers')), providerName);
      await typeInto(page, providerDialog.getByLabel(fieldLabel('Straße und Hausnummer')), 'Große Straße 1');
      await typeInto(page, providerDialog.getByLabel(fieldLabel('Postleitzahl')), '27299');
      await typeInto(page, providerDialog.getByLabel(fieldLabel('Ort')), 'Langwedel');
      await typeInto(page, providerDialog.getByLabel(fieldLabel('Ansprechperson')), 'Lena Lohmann');
      await typeInto(
        page,
        providerDialog.getByLabel(fieldLabel('E-Mail-Adresse der Ansprechperson')),
        'kontakt@fz-langwedel.invalid',
      );
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, providerDialog.getByRole('button', { name: 'Anlegen' }));
      await providerDialog.waitFor({ state: 'hidden' });
      expect(await page.getByTestId('notice').textContent()).toContain(providerName);
      await page.getByRole('row', { name: new RegExp(providerName) }).waitFor();

      // A provider user for it; the initial password is shown once.
      const email = `lena.lohmann.${randomUUID().slice(0, 8)}@fz-langwedel.invalid`;
      await activate(page, nav(page).getByRole('link', { name: 'Benutzerkonten' }), 'Shift+Tab');
      await heading(page, 'Benutzerkonten').waitFor();
      await page.getByTestId('user-row').first().waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, page.getByRole('button', { name: 'Benutzerkonto anlegen' }));
      const userDialog = page.getByRole('dialog', { name: 'Benutzerkonto anlegen' });
      await userDialog.waitFor();
      await typeInto(page, userDialog.getByLabel(fieldLabel('E-Mail-Adresse')), email);
      await typeInto(page, userDialog.getByLabel(fieldLabel('Name')), 'Lena Lohmann');
      await tabTo(page, userDialog.getByLabel(fieldLabel('Freier Träger')));
      await page.keyboard.press('Space');
      const providerSelect = userDialog.getByLabel(fieldLabel('Träger'));
      await tabTo(page, providerSelect);
      await page.keyboard.type(providerName.slice(0, 30));
      await expect.poll(() => providerSelect.locator('option:checked').textContent()).toBe(providerName);
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, userDialog.getByRole('button', { name: 'Anlegen' }));
      const passwordDialog = page.getByRole('dialog', { name: /Erstpasswort für Lena Lohmann/ });
      await passwordDialog.waitFor();
      const initialPassword = await passwordDialog.getByTestId('initial-password').inputValue();
      expect(initialPassword.length).toBeGreaterThanOrEqual(12);
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, passwordDialog.getByRole('button', { name: 'Fertig' }));
      await passwordDialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) }).waitFor();

      // The audit log shows what was done, filtered; the CSV link carries the same filter.
      await activate(page, nav(page).getByRole('link', { name: 'Protokoll' }), 'Shift+Tab');
      await heading(page, 'Protokoll').waitFor();
      await page.getByTestId('audit-row').first().waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await typeInto(page, page.getByLabel(fieldLabel('Vorgang')), 'createUser');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('audit-count').textContent()).toMatch(/von 1$/);
      expect(await page.getByTestId('audit-row').first().textContent()).toContain('createUser');
      const csvHref = await page.getByTestId('audit-csv').getAttribute('href');
      expect(csvHref).toBe('/api/audit-events.csv?operation=createUser');
      const csv = await page.request.get(csvHref!);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain('createUser');

      // The history of one record: everything done to the new user.
      await activate(page, page.getByRole('link', { name: 'Verlauf dieses Datensatzes' }).first());
      await expect.poll(() => new URL(page.url()).searchParams.get('entityType')).toBe('User');
      const entityId = new URL(page.url()).searchParams.get('entityId');
      await expect
        .poll(() => page.getByLabel(fieldLabel('Kennung des Datensatzes')).inputValue())
        .toBe(entityId);
      await expect
        .poll(() => page.getByTestId('audit-row').allTextContents())
        .toEqual([expect.stringContaining('createUser')]);

      // The account page names the roles in German.
      await activate(page, page.getByRole('link', { name: 'Mein Konto' }), 'Shift+Tab');
      await heading(page, 'Mein Konto').waitFor();
      expect(await page.getByTestId('account-details').textContent()).toContain(
        'Administration (Jugendhilfeplanung)',
      );
      expect(await wcagViolations(page)).toEqual([]);

      await activate(page, page.getByRole('button', { name: 'Abmelden' }), 'Shift+Tab');
      await heading(page, 'Anmelden').waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'Sie wurden abgemeldet.' }).count()).toBe(1);

      // The new provider user signs in with the initial password and must choose its own first.
      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), email);
      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), initialPassword);
      await page.keyboard.press('Enter');
      await heading(page, 'Passwort ändern').waitFor();
      expect(await nav(page).count()).toBe(0);
      expect(await wcagViolations(page)).toEqual([]);
      const newPassword = 'Ein Satz aus mehreren Wörtern 2026';
      await typeInto(page, page.getByLabel(fieldLabel('Bisheriges Passwort')), initialPassword);
      await typeInto(page, page.getByLabel(fieldLabel('Neues Passwort')), newPassword);
      await typeInto(page, page.getByLabel(fieldLabel('Neues Passwort wiederholen')), `${newPassword}!`);
      await page.keyboard.press('Enter');
      const repeatField = page.getByLabel(fieldLabel('Neues Passwort wiederholen'));
      await expect
        .poll(() => repeatField.evaluate((element) => element === element.ownerDocument.activeElement))
        .toBe(true);
      expect(await repeatField.getAttribute('aria-invalid')).toBe('true');
      expect(await repeatField.getAttribute('autocomplete')).toBe('new-password');
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await heading(page, 'Formulare').waitFor();

      // Only the forms and pages a provider may use.
      expect(await nav(page).getByRole('link').allTextContents()).toEqual([
        'Meine Aufgaben',
        'Formulare',
        'Einreichungen',
        'Aufrufe',
        'Interessensbekundungen',
        'Angebote',
        'Evaluationen',
      ]);
      expect(await page.getByRole('link', { name: 'Anlage 3 – Kriterien und Gewichtung' }).count()).toBe(0);

      // It submits Anlage 1 for its Träger.
      await activate(page, page.getByRole('link', { name: /^Anlage 1/ }));
      await heading(page, /Anlage 1/).waitFor();
      await activate(page, page.getByRole('button', { name: 'Beispieldaten einfügen' }));
      await activate(page, page.getByRole('button', { name: 'Absenden' }));
      await heading(page, 'Vielen Dank – Ihre Angaben wurden gespeichert').waitFor();
      const ownId = (await page.getByTestId('submission-id').textContent())!.trim();

      // Its list holds its own submission and nothing of other Träger.
      await activate(page, nav(page).getByRole('link', { name: 'Einreichungen' }), 'Shift+Tab');
      await heading(page, 'Einreichungen').waitFor();
      const section = page.getByTestId(`submissions-${FORM_KEY}`);
      await section.getByTestId('submission-row').first().waitFor();
      expect(await section.getByTestId('submission-row').allTextContents()).toEqual([
        expect.stringContaining(ownId),
      ]);
      expect(await page.content()).not.toContain(foreignId);
      expect(await wcagViolations(page)).toEqual([]);

      // Its account names its Träger; administration is not for it, and the server agrees.
      await activate(page, page.getByRole('link', { name: 'Mein Konto' }), 'Shift+Tab');
      await heading(page, 'Mein Konto').waitFor();
      expect(await page.getByTestId('account-details').textContent()).toContain(providerName);
      expect(await wcagViolations(page)).toEqual([]);
      await page.goto('/verwaltung/benutzer');
      await heading(page, 'Keine Berechtigung').waitFor();
      const users = await page.request.post('/graphql', { data: { query: '{ users { id } }' } });
      expect((await users.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    }, 180_000);

    it('sends a user whose session ended to the sign-in page and back to where it was', async () => {
      const page = await env.newPage();
      const provider = demoUser('traeger@demo.sozialraum.invalid');
      await page.goto('/einreichungen');
      await heading(page, 'Anmelden').waitFor();
      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), provider.email);
      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), provider.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Einreichungen').waitFor();
      await activate(page, nav(page).getByRole('link', { name: 'Formulare' }), 'Shift+Tab');
      await heading(page, 'Formulare').waitFor();

      // The session ends elsewhere (here: the cookie is gone); the next request answers UNAUTHENTICATED.
      await page.context().clearCookies();
      await activate(page, nav(page).getByRole('link', { name: 'Einreichungen' }), 'Shift+Tab');
      await heading(page, 'Anmelden').waitFor();
      expect(new URL(page.url()).searchParams.get('ziel')).toBe('/einreichungen');
      expect(await page.getByText('Ihre Sitzung ist abgelaufen.').count()).toBe(1);
      expect(await wcagViolations(page)).toEqual([]);

      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), provider.email);
      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), provider.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Einreichungen').waitFor();
    });

    it('stops sign-in after repeated failures and says when it is possible again', async () => {
      const page = await env.newPage();
      await page.goto('/');
      await heading(page, 'Anmelden').waitFor();
      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), 'niemand@example.invalid');
      const loginError = page.getByTestId('login-error');
      for (let attempt = 1; attempt <= 6; attempt++) {
        await typeInto(page, page.getByLabel(fieldLabel('Passwort')), `falsch-${attempt}-falsch-falsch`);
        await page.keyboard.press('Enter');
        await expect
          .poll(() => loginError.evaluate((element) => element === element.ownerDocument.activeElement))
          .toBe(true);
        // The same words for an unknown account as for a wrong password, until the limit.
        if (attempt < 6)
          expect(await loginError.textContent()).toContain('E-Mail-Adresse oder Passwort ist nicht richtig.');
      }
      expect(await loginError.textContent()).toMatch(
        /Zu viele fehlgeschlagene Anmeldeversuche\. Bitte warten Sie \d+ Minuten/,
      );
      expect(await page.getByTestId('login-wait').textContent()).toMatch(
        /^Die Anmeldung ist ab \d\d:\d\d Uhr wieder möglich\.$/,
      );
      expect(await page.getByRole('button', { name: 'Anmelden' }).isDisabled()).toBe(true);
      expect(await wcagViolations(page)).toEqual([]);
    });

    it('lets an administrator reset a password and deactivate and reactivate an account', async () => {
      const page = await env.newPage();
      const admin = demoUser(DEMO_ADMIN);
      const committee = demoUser('gremium@demo.sozialraum.invalid');
      await page.goto('/verwaltung/benutzer');
      await heading(page, 'Anmelden').waitFor();
      await typeInto(page, page.getByLabel(fieldLabel('E-Mail-Adresse')), admin.email);
      await typeInto(page, page.getByLabel(fieldLabel('Passwort')), admin.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Benutzerkonten').waitFor();
      const row = page.getByRole('row', { name: new RegExp(committee.displayName.replace(/[()]/g, '\\$&')) });
      await row.waitFor();

      // A committee member may sign in until deactivated; then the same answer as for a wrong password.
      const asCommittee = () =>
        apiSession(env.platform.url, committee.email, committee.password).then(
          () => 'signed in',
          (error: Error) => error.message,
        );
      await activate(page, row.getByRole('button', { name: `${committee.displayName} deaktivieren` }));
      const confirm = page.getByRole('dialog', { name: 'Benutzerkonto deaktivieren' });
      await confirm.waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await activate(page, confirm.getByRole('button', { name: 'Deaktivieren' }));
      await confirm.waitFor({ state: 'hidden' });
      await row.getByText('deaktiviert').waitFor();
      expect(await asCommittee()).toBe('E-Mail-Adresse oder Passwort ist nicht richtig.');

      await activate(page, row.getByRole('button', { name: `${committee.displayName} reaktivieren` }));
      await row.getByText('aktiv', { exact: true }).waitFor();
      expect(await asCommittee()).toBe('signed in');

      // A new initial password, shown once; the old one no longer works.
      await activate(
        page,
        row.getByRole('button', { name: `Passwort von ${committee.displayName} zurücksetzen` }),
      );
      const reset = page.getByRole('dialog', { name: 'Passwort zurücksetzen' });
      await activate(page, reset.getByRole('button', { name: 'Passwort zurücksetzen' }));
      const shown = page.getByRole('dialog', { name: /^Erstpasswort für/ });
      const initialPassword = await shown.getByTestId('initial-password').inputValue();
      await activate(page, shown.getByRole('button', { name: 'Fertig' }));
      await row.getByText('Erstpasswort').waitFor();
      expect(await asCommittee()).toBe('E-Mail-Adresse oder Passwort ist nicht richtig.');
      expect(
        await apiSession(env.platform.url, committee.email, initialPassword).then(() => 'signed in'),
      ).toBe('signed in');
    });

    it('shows a stale edit’s conflict with the server’s message and code, then edits the current state', async () => {
      const first = await env.newPage();
      await signInAs(first, DEMO_ADMIN, '/verwaltung/traeger');
      const second = await first.context().newPage();
      await second.goto('/verwaltung/traeger');
      // A demo Träger no demo user belongs to.
      const name = DEMO_PROVIDERS[2]!.name;
      const edit = async (page: Page, city: string) => {
        await activate(page, page.getByRole('button', { name: `${name} bearbeiten` }));
        const dialog = page.getByRole('dialog', { name: `Träger „${name}“ bearbeiten` });
        const cityField = dialog.getByLabel(fieldLabel('Ort'));
        await tabTo(page, cityField);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(city);
        await activate(page, dialog.getByRole('button', { name: 'Speichern' }));
        return dialog;
      };

      // Both open the same revision; the first saves, the second is refused and keeps its input.
      await heading(second, 'Träger').waitFor();
      await second.getByRole('button', { name: `${name} bearbeiten` }).waitFor();
      await edit(first, 'Kirchlinteln');
      await first.getByTestId('notice').waitFor();
      const stale = await edit(second, 'Dörverden');
      const failure = stale.getByTestId('dialog-error');
      await failure.waitFor();
      expect(await failure.getAttribute('role')).toBe('alert');
      expect(await failure.getByTestId('error-code').textContent()).toBe('Fehlercode: CONFLICT');
      await expect
        .poll(() => failure.evaluate((element) => element === element.ownerDocument.activeElement))
        .toBe(true);
      expect(await stale.getByLabel(fieldLabel('Ort')).inputValue()).toBe('Dörverden');
      expect(await wcagViolations(second)).toEqual([]);

      // Closed, the list shows the current state, and the edit goes through.
      await activate(second, stale.getByRole('button', { name: 'Abbrechen' }));
      await second.getByRole('row', { name: /Kirchlinteln/ }).waitFor();
      await edit(second, 'Dörverden');
      await second.getByTestId('notice').waitFor();
      await second.getByRole('row', { name: /Dörverden/ }).waitFor();
    });
  },
);
