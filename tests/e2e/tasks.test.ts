import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserAvailable,
  DEMO_PROVIDER,
  DEMO_TEAM_LEAD,
  demoUser,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { freePort } from '../support/global-setup.js';
import { tabTo } from '../support/keyboard.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

const RECORD_NEED = /* GraphQL */ `
  mutation ($input: RecordNeedInput!) {
    recordNeed(input: $input) {
      id
    }
  }
`;
const MY_TASKS = /* GraphQL */ `
  query {
    myTasks(limit: 200) {
      totalCount
      tasks {
        kind
        recordId
        overdue
      }
    }
  }
`;

describe.skipIf(!browserAvailable())('Meine Aufgaben in the browser', () => {
  let env: E2eEnvironment;
  const mails: { to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            // Quoted-printable wraps long lines with a soft break; the link reads whole without them.
            raw: Buffer.concat(chunks).toString('utf8').replace(/=\r\n/g, ''),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    env = await startE2eEnvironment({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Sozialraum-Plattform <noreply@demo.sozialraum.invalid>',
      PUBLIC_URL: 'https://sozialraum.example.org',
    });
  });
  afterAll(async () => {
    await env?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('shows the team lead its tasks with the count in the navigation, overdue first, each linking to its page', async () => {
    const { email, password } = demoUser(DEMO_TEAM_LEAD);
    const lead = await apiSession(env.platform.url, email, password);
    const me = (await lead('query { me { socialAreas { id name } } }')).me;
    const title = `Treffpunkt ${randomUUID().slice(0, 6)}`;
    const need = (
      await lead(RECORD_NEED, {
        input: {
          socialAreaId: me.socialAreas[0].id,
          countyWide: false,
          title,
          situationDescription: 'Jugendliche ohne Treffpunkt am Abend.',
        },
      })
    ).recordNeed;
    // The demo call of the team lead's Sozialraum has passed its deadline and is still open: overdue.
    await env.platform.orm.em.getConnection().execute(
      `update call_for_interest set deadline = now() - interval '2 days'
          where need_id in (select n.id from need n where n.state = 'OPEN_FOR_APPLICATIONS' and n.social_area_id = any(?::uuid[]))`,
      [`{${me.socialAreas.map((area: { id: string }) => area.id).join(',')}}`],
    );
    const expected = (await lead(MY_TASKS)).myTasks;
    expect(expected.tasks.some((task: { overdue: boolean }) => task.overdue)).toBe(true);

    const page = await env.newPage();
    await signInAs(page, DEMO_TEAM_LEAD);
    const entry = nav(page).getByRole('link', { name: 'Meine Aufgaben' });
    await expect
      .poll(() => page.getByTestId('task-count').textContent())
      .toBe(`${expected.totalCount}${expected.totalCount === 1 ? ' offene Aufgabe' : ' offene Aufgaben'}`);
    expect(await entry.getAttribute('aria-describedby')).toBe('anzahl-offene-aufgaben');

    // By keyboard from the navigation to the list.
    await tabTo(page, entry);
    await page.keyboard.press('Enter');
    await heading(page, 'Meine Aufgaben').waitFor();
    await page.getByTestId('task').first().waitFor();
    expect(await page.getByTestId('task').count()).toBe(expected.tasks.length);
    await page.getByText(`${expected.totalCount} Aufgaben warten`, { exact: false }).waitFor();
    // Overdue first, said in words (not by colour alone), with a German date and time.
    const first = page.getByTestId('task').first();
    expect(await first.textContent()).toContain('Überfällig');
    expect(await first.textContent()).toMatch(/Frist abgelaufen – Aufruf schließen: .*\d{2}\.\d{2}\.\d{4}/);
    // The row's header is the task; its cells: kind, waiting since, due, state.
    expect(await first.getByRole('cell').nth(2).textContent()).toMatch(
      /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/,
    );
    expect(await wcagViolations(page)).toEqual([]);

    // The new need's task leads to the need.
    const link = page.getByRole('link', { name: `Bedarf entscheiden (Ressourcen im Sozialraum): ${title}` });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await heading(page, title).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bedarfe/${need.id}`);
    await page.close();
  });

  it('shows provider staff the change request the team lead made, and mails it to them', async () => {
    const { email, password } = demoUser(DEMO_TEAM_LEAD);
    const lead = await apiSession(env.platform.url, email, password);
    const provider = demoUser(DEMO_PROVIDER);
    const staff = await apiSession(env.platform.url, provider.email, provider.password);
    const own = (await staff('query { applications(filter: { states: [SUBMITTED] }) { id } }'))
      .applications[0];
    const submitted = (
      await lead('query($id: UUID!) { application(id: $id) { id revision } }', { id: own.id })
    ).application;
    await lead(
      `mutation($input: RequestApplicationChangesInput!) { requestApplicationChanges(input: $input) { id } }`,
      {
        input: {
          id: submitted.id,
          revision: submitted.revision,
          comment: 'Bitte die Zielgruppe genauer beschreiben.',
        },
      },
    );

    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER);
    await tabTo(page, nav(page).getByRole('link', { name: 'Meine Aufgaben' }));
    await page.keyboard.press('Enter');
    await heading(page, 'Meine Aufgaben').waitFor();
    const task = page.getByRole('link', {
      name: /^Änderungen angefordert – Interessensbekundung überarbeiten: /,
    });
    await task.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await tabTo(page, task);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/interessensbekundungen/${submitted.id}`);
    await page.close();

    // The dispatcher of the running platform mailed the Träger's staff about it.
    await expect
      .poll(
        () => mails.filter((mail) => mail.raw.includes(`/interessensbekundungen/${submitted.id}`)).length,
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
    const recipients = mails
      .filter((mail) => mail.raw.includes(`/interessensbekundungen/${submitted.id}`))
      .flatMap((mail) => mail.to);
    expect(recipients).toContain(DEMO_PROVIDER);
    expect(recipients).not.toContain(DEMO_TEAM_LEAD);
  });
});
