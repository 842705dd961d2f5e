import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorMessage } from '../../web/src/api/errors.js';
import {
  browserAvailable,
  DEMO_PROVIDER,
  DEMO_TEAM_LEAD,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

const forms = readdirSync('form-definitions').map((file) => file.replace(/\.json$/, ''));

/** A demo user whose role may submit the form: provider staff fill the Anlagen, the team lead the criteria sheet. */
const submitterOf = (formKey: string): string => {
  const { submitterRoles } = JSON.parse(readFileSync(`form-definitions/${formKey}.json`, 'utf8')) as {
    submitterRoles: string[];
  };
  if (submitterRoles.includes('PROVIDER')) return DEMO_PROVIDER;
  if (submitterRoles.includes('TEAM_LEAD')) return DEMO_TEAM_LEAD;
  throw new Error(`No demo submitter for ${formKey}`);
};

const SUBMIT_FORM = /* GraphQL */ `
  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!) {
    submitForm(formKey: $formKey, data: $data, clientSubmissionId: $clientSubmissionId) {
      submission {
        id
      }
    }
  }
`;

describe.skipIf(!browserAvailable())('every published form in the browser', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());

  it.each(forms)('renders %s accessibly and submits its sample data', async (formKey) => {
    const page = await env.newPage();
    await signInAs(page, submitterOf(formKey), `/forms/${formKey}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Beispieldaten einfügen' }).click();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Absenden' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vielen Dank – Ihre Angaben wurden gespeichert' })
      .waitFor();
    expect(page.url()).toMatch(/\/submissions\/[0-9a-f-]{36}$/);
  });

  it('shows the server’s own message and code when a submission conflicts', async () => {
    const formKey = 'offer-description';
    const { sampleData } = JSON.parse(readFileSync(`form-definitions/${formKey}.json`, 'utf8'));
    const page = await env.newPage();
    await signInAs(page, submitterOf(formKey), `/forms/${formKey}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Beispieldaten einfügen' }).click();
    // The draft kept in the browser holds the id this fill is submitted with.
    const draftSubmissionId = () =>
      page.evaluate<string | null>(`(() => {
        const key = Object.keys(localStorage).find((name) => name.startsWith('sozialraum-plattform:entwurf:'));
        return key ? JSON.parse(localStorage.getItem(key)).clientSubmissionId : null;
      })()`);
    await expect.poll(draftSubmissionId).not.toBeNull();
    const clientSubmissionId = await draftSubmissionId();

    // Other data was stored under that id already (say, from a second tab); the server answers CONFLICT.
    const submit = async (data: unknown) =>
      (
        await page.request.post('/graphql', {
          data: { query: SUBMIT_FORM, variables: { formKey, data, clientSubmissionId } },
        })
      ).json();
    const stored = await submit({ ...sampleData, title: 'Andere Angaben aus einem zweiten Fenster' });
    expect(stored.data.submitForm.submission.id).toBeTruthy();
    const conflict = await submit(sampleData);
    expect(conflict.errors[0].extensions.code).toBe('CONFLICT');
    const serverMessage: string = conflict.errors[0].message;
    expect(serverMessage).not.toBe(apiErrorMessage('CONFLICT'));

    await page.getByRole('button', { name: 'Absenden' }).click();
    const failure = page.getByTestId('submit-failure');
    await failure.waitFor();
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toContain(serverMessage);
    expect(await failure.getByTestId('error-code').textContent()).toBe('Fehlercode: CONFLICT');
    await expect
      .poll(() => failure.evaluate((element) => element === element.ownerDocument.activeElement))
      .toBe(true);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Als neue Einreichung absenden' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vielen Dank – Ihre Angaben wurden gespeichert' })
      .waitFor();
  });

  it('answers unknown addresses with a German page that passes axe', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER);
    const response = await page.goto('/gibt-es-nicht');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await wcagViolations(page)).toEqual([]);
  });
});
