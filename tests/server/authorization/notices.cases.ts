import { expect } from 'vitest';
import { type Caller, Role } from '../../../server/src/common/context.js';
import { approvedApplication, once } from './decisions.cases.js';
import { allow, type AuthorizationCase, deny, type ExpectationTable, type World } from './matrix.js';

const finance: Caller = { userId: 'matrix-notice-finance', displayName: 'Matrix WJH', roles: [Role.FINANCE] };

const ISSUE = `mutation($id: UUID!) { issueNotice(applicationId: $id) { id offer { id } } }`;

/** An approved application of the own Sozialraum and Träger with its notice, issued by FINANCE. */
async function issuedNotice(w: World): Promise<{ applicationId: string; noticeId: string; offerId: string }> {
  const { applicationId } = await approvedApplication(w);
  const { data, errors } = await w.api.gql(ISSUE, { id: applicationId }, { caller: finance });
  if (errors) throw new Error(JSON.stringify(errors));
  return { applicationId, noticeId: data!.issueNotice.id, offerId: data!.issueNotice.offer.id };
}

const sharedIssued = once(issuedNotice);
const sharedApproved = once(approvedApplication);

type Issued = { applicationId: string; noticeId: string; offerId: string };

/** Who reads a notice: FINANCE, the administration, the addressed Träger and the office of the Sozialraum. */
const readsNotice = (value: (w: World, p: Issued) => unknown): ExpectationTable<Issued> => ({
  ADMIN: (w, p) => allow(value(w, p)),
  FINANCE: (w, p) => allow(value(w, p)),
  'TEAM_LEAD:own': (w, p) => allow(value(w, p)),
  'REGIONAL_TEAM:own': (w, p) => allow(value(w, p)),
  'PROVIDER:own': (w, p) => allow(value(w, p)),
  COMMITTEE: deny('NOT_FOUND'),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

export const cases: AuthorizationCase[] = [
  {
    title: 'applicationsAwaitingNotice: the office in its scope; providers are refused',
    covers: ['Query.applicationsAwaitingNotice'],
    prepare: sharedApproved,
    document: 'query { applicationsAwaitingNotice { id viewerCanIssueNotice } }',
    pick: (data, _w, p: { applicationId: string }) =>
      data.applicationsAwaitingNotice?.find((a: any) => a.id === p.applicationId) ?? null,
    expect: {
      ADMIN: (_w, p) => allow({ id: p.applicationId, viewerCanIssueNotice: false }),
      FINANCE: (_w, p) => allow({ id: p.applicationId, viewerCanIssueNotice: true }),
      COMMITTEE: (_w, p) => allow({ id: p.applicationId, viewerCanIssueNotice: false }),
      'TEAM_LEAD:own': (_w, p) => allow({ id: p.applicationId, viewerCanIssueNotice: false }),
      'REGIONAL_TEAM:own': (_w, p) => allow({ id: p.applicationId, viewerCanIssueNotice: false }),
      'TEAM_LEAD:foreign': allow(null),
      'REGIONAL_TEAM:foreign': allow(null),
      'PROVIDER:own': deny('FORBIDDEN'),
      'PROVIDER:foreign': deny('FORBIDDEN'),
    },
  },
  {
    title:
      'decisionNotice with its shares, application and offer: FINANCE, ADMIN, the addressed Träger, the office in scope',
    covers: [
      'Query.decisionNotice',
      'DecisionNotice.shares',
      'DecisionNotice.application',
      'DecisionNotice.offer',
      'Application.decisionNotice',
    ],
    prepare: sharedIssued,
    document: `query($id: UUID!) {
      decisionNotice(id: $id) {
        id amount legalBasis shares { budgetYear amount } application { id decisionNotice { id } } offer { id }
      }
    }`,
    variables: (_w, p: Issued) => ({ id: p.noticeId }),
    expect: readsNotice((_w, p) => ({
      id: p.noticeId,
      amount: 200_000,
      legalBasis: expect.stringMatching(/^§ 7[47] SGB VIII$/),
      shares: [{ budgetYear: 2027, amount: 200_000 }],
      application: { id: p.applicationId, decisionNotice: { id: p.noticeId } },
      offer: { id: p.offerId },
    })),
  },
  {
    title:
      'decisionNotices lists the notices the caller may read (providers: those addressed to their Träger)',
    covers: ['Query.decisionNotices'],
    prepare: sharedIssued,
    document: 'query { decisionNotices { id } }',
    pick: (data, _w, p: Issued) => data.decisionNotices.some((n: { id: string }) => n.id === p.noticeId),
    expect: {
      ADMIN: allow(true),
      FINANCE: allow(true),
      'TEAM_LEAD:own': allow(true),
      'REGIONAL_TEAM:own': allow(true),
      'PROVIDER:own': allow(true),
      COMMITTEE: allow(false),
      'TEAM_LEAD:foreign': allow(false),
      'REGIONAL_TEAM:foreign': allow(false),
      'PROVIDER:foreign': allow(false),
    },
  },
  {
    title: 'issueNotice is for FINANCE only',
    covers: ['Mutation.issueNotice'],
    prepare: approvedApplication,
    document: `mutation($id: UUID!) { issueNotice(applicationId: $id) { amount financingKind } }`,
    variables: (_w, p: { applicationId: string }) => ({ id: p.applicationId }),
    pick: (data) => data.issueNotice && { amount: data.issueNotice.amount },
    expect: {
      FINANCE: allow({ amount: 200_000 }),
      ADMIN: deny('FORBIDDEN'),
      'TEAM_LEAD:own': deny('FORBIDDEN'),
      'REGIONAL_TEAM:own': deny('FORBIDDEN'),
      COMMITTEE: deny('FORBIDDEN'),
      'PROVIDER:own': deny('FORBIDDEN'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
    state: async (w, p: { applicationId: string }) => ({
      notices: await w.sql(`select id from decision_notice where application_id = ?`, [p.applicationId]),
      offers: await w.sql(`select id from offer where application_id = ?`, [p.applicationId]),
    }),
  },
];
