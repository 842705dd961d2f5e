import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { type Caller, Role } from '../../server/src/common/context.js';
import { readConfig } from '../../server/src/config.js';
import { startMailNotifications } from '../../server/src/notifications/mail-notifications.js';
import { NOTIFICATION_RULES } from '../../server/src/notifications/notification-rules.js';
import { buildGraphQLSchema } from '../../server/src/schema.js';
import type { NotificationDispatcher } from '../../server/src/notifications/notification-dispatcher.js';
import { sampleDataOf } from '../support/factories.js';
import { freePort } from '../support/global-setup.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const PUBLIC_URL = 'https://sozialraum.example.org';
const MAIL_FROM = 'Sozialraum-Plattform <noreply@example.org>';
const HOUR = 3_600_000;

const areas = { achim: '', verden: '' };
const providers = { a: '', b: '' };
let categoryId = '';
const users: Record<
  'lead' | 'foreignLead' | 'staffA' | 'staffB' | 'finance' | 'regional' | 'foreignRegional',
  Caller & { email: string }
> = {} as never;
const silentLog = { info() {}, warn() {}, error() {} };

// --- A real SMTP server -------------------------------------------------------------------------------

interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in an unfolded header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  let body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to, subject: decodeHeader(header('Subject')), text: body.replace(/\r\n/g, '\n') };
}

async function startSmtp(port: number) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// --- The process ---------------------------------------------------------------------------------------

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

/** A call open to all in Achim, and an application of Träger A submitted through the API; returns its id and the call's title. */
async function submitApplicationOfA(): Promise<{ id: string; revision: number; title: string }> {
  const title = `Jugendtreff ${Math.random().toString(36).slice(2, 8)}`;
  const needId = await insert('need', {
    social_area_id: areas.achim,
    title,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'OPEN_FOR_APPLICATIONS',
    outcome: 'OFFER',
  });
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title,
    deadline: new Date(Date.now() + 24 * HOUR),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: categoryId,
    opened_by_name: 'Test',
  });
  const created = (
    await ok(
      `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id revision } }`,
      {
        input: {
          callId,
          offerDescriptionData: sampleDataOf('offer-description'),
          costCalculationData: sampleDataOf('cost-calculation'),
        },
      },
      users.staffA,
    )
  ).createApplication;
  const submitted = (
    await ok(
      `mutation($input: SubmitApplicationInput!) {
        submitApplication(input: $input) { errorCount application { id revision state } }
      }`,
      { input: { id: created.id, revision: created.revision } },
      users.staffA,
    )
  ).submitApplication;
  expect(submitted.application.state).toBe('SUBMITTED');
  return { id: created.id, revision: submitted.application.revision, title };
}

const mailsAbout = (received: ReceivedMail[], id: string) =>
  received.filter((mail) => mail.text.includes(id));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Zeit abgelaufen');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dispatchers: NotificationDispatcher[] = [];
async function dispatcherFor(smtpPort: number, options: { retryBaseMs?: number } = {}) {
  const dispatcher = await startMailNotifications(
    api.orm.em,
    { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM, PUBLIC_URL },
    silentLog,
    { pollMs: 500, gapGraceMs: 1_000, retryBaseMs: options.retryBaseMs ?? 200, retryMaxMs: 1_000 },
  );
  dispatchers.push(dispatcher!);
  return dispatcher!;
}

beforeAll(async () => {
  api = await startTestApi();
  const north = await insert('regional_team', { name: 'Post Nord' });
  const south = await insert('regional_team', { name: 'Post Süd' });
  areas.achim = await insert('social_area', { name: 'Post Achim', regional_team_id: north });
  areas.verden = await insert('social_area', { name: 'Post Verden', regional_team_id: south });
  providers.a = await insert('provider', { name: 'Post Träger A' });
  providers.b = await insert('provider', { name: 'Post Träger B' });
  categoryId = await insert('offer_category', { name: 'Post Offenes Angebot', financing_kind: 'GRANT' });
  const user = async (
    key: keyof typeof users,
    role: Role,
    scope: { area?: string; providerId?: string; regionalTeamId?: string },
    displayName: string,
  ) => {
    const email = `${key.toLowerCase()}@post.example.org`;
    const id = await insert('app_user', {
      email,
      display_name: displayName,
      roles: `{${role}}`,
      provider_id: scope.providerId ?? null,
      regional_team_id: scope.regionalTeamId ?? null,
    });
    if (scope.area) {
      await sql('insert into user_social_area (user_id, social_area_id) values (?, ?)', [id, scope.area]);
    }
    users[key] = {
      userId: id,
      displayName,
      roles: [role],
      email,
      ...(scope.area ? { socialAreaIds: [scope.area] } : {}),
      ...(scope.providerId ? { providerId: scope.providerId } : {}),
      ...(scope.regionalTeamId ? { regionalTeamId: scope.regionalTeamId } : {}),
    };
  };
  await user('lead', Role.TEAM_LEAD, { area: areas.achim }, 'Tarek Thiel');
  await user('foreignLead', Role.TEAM_LEAD, { area: areas.verden }, 'Vera Vogt');
  await user('staffA', Role.PROVIDER, { providerId: providers.a }, 'Fachkraft A');
  await user('staffB', Role.PROVIDER, { providerId: providers.b }, 'Fachkraft B');
  await user('finance', Role.FINANCE, {}, 'Frank Fehse');
  await user('regional', Role.REGIONAL_TEAM, { regionalTeamId: north }, 'Rita Rolfs');
  await user('foreignRegional', Role.REGIONAL_TEAM, { regionalTeamId: south }, 'Sven Sander');
});

afterAll(async () => {
  for (const dispatcher of dispatchers) await dispatcher.close();
  await api?.close();
});

describe('mail configuration', () => {
  it('asks for sender and platform address with SMTP_URL, in German', () => {
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(
      /MAIL_FROM: mit SMTP_URL wird ein Absender gebraucht[\s\S]*PUBLIC_URL: mit SMTP_URL wird die Adresse/,
    );
    expect(() => readConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(
      /SMTP_URL: erwartet eine smtp:\/\//,
    );
    expect(() => readConfig({ MAIL_FROM: 'niemand' })).toThrow(/MAIL_FROM: erwartet eine E-Mail-Adresse/);
    const config = readConfig({
      SMTP_URL: 'smtp://user:secret@mail.example.org:587',
      MAIL_FROM: MAIL_FROM,
      PUBLIC_URL: 'https://sozialraum.example.org/',
    });
    expect(config).toMatchObject({ MAIL_FROM, PUBLIC_URL: 'https://sozialraum.example.org' });
    expect(readConfig({}).SMTP_URL).toBeUndefined();
  });
});

describe('notification rules', () => {
  it('name only operations the API has (a command is audited under its mutation’s name)', async () => {
    const mutations = Object.keys((await buildGraphQLSchema()).getMutationType()!.getFields());
    expect(Object.keys(NOTIFICATION_RULES).filter((operation) => !mutations.includes(operation))).toEqual([]);
  });
});

describe('e-mail notifications', () => {
  it('without SMTP_URL nothing runs and nothing is sent', async () => {
    const port = await freePort();
    const smtp = await startSmtp(port);
    try {
      const dispatcher = await startMailNotifications(
        api.orm.em,
        { SMTP_URL: undefined, MAIL_FROM: undefined, PUBLIC_URL: undefined },
        silentLog,
      );
      expect(dispatcher).toBeNull();
      const before = await sql(`select last_event_id from notification_cursor`);
      await submitApplicationOfA();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.received).toEqual([]);
      expect(await sql(`select * from notification`)).toEqual([]);
      expect(await sql(`select last_event_id from notification_cursor`)).toEqual(before);
    } finally {
      await smtp.close();
    }
  });

  it('mails a submitted application to the team lead of its Sozialraum; a change request to the Träger’s staff only', async () => {
    const port = await freePort();
    const smtp = await startSmtp(port);
    try {
      await dispatcherFor(port);
      const application = await submitApplicationOfA();
      await waitFor(() => mailsAbout(smtp.received, application.id).length > 0);
      const [mail, ...more] = mailsAbout(smtp.received, application.id);
      expect(more).toEqual([]);
      expect(mail!.to).toEqual([users.lead.email]);
      expect(mail!.subject).toBe(`Interessensbekundung eingereicht: ${application.title}`);
      expect(mail!.text).toContain('Guten Tag Tarek Thiel,');
      expect(mail!.text).toContain(
        `Post Träger A hat eine Interessensbekundung zum Aufruf „${application.title}“ eingereicht.`,
      );
      expect(mail!.text).toContain(`Zum Vorgang: ${PUBLIC_URL}/bewertungen/${application.id}`);

      // The team lead asks for changes: the staff of Träger A hear of it, Träger B's staff and the lead do not.
      await ok(
        `mutation($input: RequestApplicationChangesInput!) { requestApplicationChanges(input: $input) { id } }`,
        { input: { id: application.id, revision: application.revision, comment: 'Bitte ergänzen.' } },
        users.lead,
      );
      await waitFor(() => mailsAbout(smtp.received, application.id).length > 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const changes = mailsAbout(smtp.received, application.id).slice(1);
      expect(changes.map((m) => m.to)).toEqual([[users.staffA.email]]);
      expect(changes[0]!.subject).toBe(
        `Änderungen an Ihrer Interessensbekundung erbeten: ${application.title}`,
      );
      expect(changes[0]!.text).toContain(`${PUBLIC_URL}/interessensbekundungen/${application.id}`);
      const all = smtp.received.flatMap((m) => m.to);
      expect(all).not.toContain(users.staffB.email);
      expect(all).not.toContain(users.foreignLead.email);
      expect(all).not.toContain(users.finance.email);
    } finally {
      for (const dispatcher of dispatchers.splice(0)) await dispatcher.close();
      await smtp.close();
    }
  });

  it('keeps mails while the mail server is down and delivers each once when it is back', async () => {
    const port = await freePort();
    // Written while no dispatcher runs (as after a crash between commit and mail): read later from the trail.
    const early = await submitApplicationOfA();
    const dispatcher = await dispatcherFor(port, { retryBaseMs: 300 });
    const late = await submitApplicationOfA();
    // Both mails are kept; the first waiting one has been tried and failed.
    await waitFor(async () => {
      const rows = await sql<{ attempts: number }>(
        `select attempts from notification where (subject like ? or subject like ?) and sent_at is null order by id`,
        [`%${early.title}`, `%${late.title}`],
      );
      return rows.length === 2 && rows[0]!.attempts >= 1;
    });
    const [pending] = await sql(`select * from notification where subject like ?`, [`%${early.title}`]);
    expect(pending).toMatchObject({ sent_at: null, recipient_email: users.lead.email });

    // A second process at the same time must not send anything twice.
    await dispatcherFor(port, { retryBaseMs: 300 });
    const smtp = await startSmtp(port);
    try {
      await waitFor(
        () => mailsAbout(smtp.received, early.id).length > 0 && mailsAbout(smtp.received, late.id).length > 0,
      );
      // Some more passes: nothing more arrives.
      dispatcher.wake();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(mailsAbout(smtp.received, early.id).map((m) => m.to)).toEqual([[users.lead.email]]);
      expect(mailsAbout(smtp.received, late.id).map((m) => m.to)).toEqual([[users.lead.email]]);
      expect(await sql(`select * from notification where sent_at is null`)).toEqual([]);
      const [row] = await sql<{ attempts: number; last_error: string | null }>(
        `select attempts, last_error from notification where subject like ?`,
        [`%${early.title}`],
      );
      expect(row!.attempts).toBeGreaterThanOrEqual(2);
      expect(row!.last_error).toBeNull();
    } finally {
      for (const running of dispatchers.splice(0)) await running.close();
      await smtp.close();
    }
  });

  it('notifies each step of the process to the people whose turn it is', async () => {
    const dispatcher = await dispatcherFor(await freePort());
    // Read only (the mails themselves are the other tests' subject).
    await dispatcher.close();
    dispatchers.splice(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await dispatcher.readEvents();
    const recipientsOf = async (operation: string) => {
      await dispatcher.readEvents();
      const rows = await sql<{ recipient_email: string; subject: string; body: string; event_id: string }>(
        `select n.recipient_email, n.subject, n.body, n.event_id::text from notification n
          where n.operation = ? and n.event_id = (select max(id) from audit_event where operation = ?)
          order by n.recipient_email`,
        [operation, operation],
      );
      return rows;
    };

    const application = await submitApplicationOfA();
    expect((await recipientsOf('submitApplication')).map((r) => r.recipient_email)).toEqual([
      users.lead.email,
    ]);

    const [call] = await sql<{ need_id: string; revision: number }>(
      `select c.need_id, n.revision from application a join call_for_interest c on c.id = a.call_id
        join need n on n.id = c.need_id where a.id = ?`,
      [application.id],
    );
    await ok(
      `mutation($input: CloseCallForInterestInput!) { closeCallForInterest(input: $input) { id } }`,
      { input: { needId: call!.need_id, revision: call!.revision } },
      users.lead,
    );
    const closed = await recipientsOf('closeCallForInterest');
    expect(closed.map((r) => r.recipient_email)).toEqual([users.regional.email]);
    expect(closed[0]!.body).toContain(`${PUBLIC_URL}/entscheidungen`);

    await sql(
      `insert into budget_year (id, created_by, year, starts_on, ends_on) values (gen_random_uuid(), 'test', 2027, '2027-01-01', '2027-12-31') on conflict do nothing`,
    );
    await ok(
      `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { id } }`,
      {
        input: {
          applicationId: application.id,
          revision: application.revision,
          amount: 100_000,
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
          financingKind: 'GRANT',
          justification: 'Passt in den Sozialraum.',
        },
      },
      users.regional,
    );
    const approved = await recipientsOf('approveApplication');
    expect(approved.map((r) => r.recipient_email)).toEqual([users.finance.email]);
    expect(approved[0]!.subject).toBe(
      `Interessensbekundung bewilligt – Bescheid erteilen: ${application.title}`,
    );

    const notice = (
      await ok(
        `mutation($id: UUID!) { issueNotice(applicationId: $id) { id } }`,
        { id: application.id },
        users.finance,
      )
    ).issueNotice;
    const issued = await recipientsOf('issueNotice');
    expect(issued.map((r) => r.recipient_email)).toEqual([users.staffA.email]);
    expect(issued[0]!.body).toContain(`${PUBLIC_URL}/bescheide/${notice.id}`);

    const [evaluation] = await sql<{ id: string; revision: number }>(
      `select e.id, e.revision from evaluation e join offer o on o.id = e.offer_id
        where o.application_id = ? order by e.period_number limit 1`,
      [application.id],
    );
    const submitted = (
      await ok(
        `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { errorCount evaluation { id revision } } }`,
        { input: { id: evaluation!.id, revision: evaluation!.revision, data: sampleDataOf('evaluation') } },
        users.staffA,
      )
    ).submitEvaluation;
    expect(submitted.errorCount).toBe(0);
    const review = await recipientsOf('submitEvaluation');
    expect(review.map((r) => r.recipient_email)).toEqual([users.lead.email]);
    expect(review[0]!.body).toContain(`${PUBLIC_URL}/evaluationen/${evaluation!.id}`);

    await ok(
      `mutation($input: RequestEvaluationChangesInput!) { requestEvaluationChanges(input: $input) { id } }`,
      {
        input: {
          id: evaluation!.id,
          revision: submitted.evaluation.revision,
          comment: 'Bitte die Zahlen ergänzen.',
        },
      },
      users.lead,
    );
    expect((await recipientsOf('requestEvaluationChanges')).map((r) => r.recipient_email)).toEqual([
      users.staffA.email,
    ]);

    // Nobody of the other Träger, the other Sozialraum or the other Regionalteam heard of any of it.
    const everyone = (await sql<{ recipient_email: string }>(`select recipient_email from notification`)).map(
      (r) => r.recipient_email,
    );
    for (const outsider of [users.staffB, users.foreignLead, users.foreignRegional]) {
      expect(everyone).not.toContain(outsider.email);
    }
  });

  it('does not pass an event id that a transaction still open may commit later', async () => {
    const dispatcher = await dispatcherFor(await freePort());
    await dispatcher.close();
    dispatchers.splice(0);
    // Past the grace of any gap left by earlier commands that were rolled back.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await dispatcher.readEvents();
    const [cursor] = await sql<{ last: string }>(
      `select last_event_id::text as last from notification_cursor`,
    );
    // An id taken by a transaction that has not committed yet, and a later event that is visible.
    const connection = await api.orm.em.getConnection().getKnex().client.acquireConnection();
    try {
      await connection.query('begin');
      await connection.query(
        `insert into audit_event (operation, outcome, user_name) values ('noticeNothing', 'SUCCESS', 'Test')`,
      );
      await sql(
        `insert into audit_event (operation, outcome, user_name) values ('noticeNothing', 'SUCCESS', 'Test')`,
      );
      await dispatcher.readEvents();
      const [held] = await sql<{ last: string }>(
        `select last_event_id::text as last from notification_cursor`,
      );
      expect(held!.last).toBe(cursor!.last);
      await connection.query('commit');
    } finally {
      await api.orm.em.getConnection().getKnex().client.releaseConnection(connection);
    }
    await dispatcher.readEvents();
    const [moved] = await sql<{ last: string }>(
      `select last_event_id::text as last from notification_cursor`,
    );
    expect(BigInt(moved!.last)).toBe(BigInt(cursor!.last) + 2n);
  });
});
