import { Role } from '../../../server/src/common/context.js';
import { newClientSubmissionId, sampleDataOf } from '../../support/factories.js';
import {
  allow,
  type AuthorizationCase,
  deny,
  ids,
  knownIds,
  type Persona,
  sorted,
  type World,
} from './matrix.js';

/** The own Träger of a provider persona. */
const providerOf = (w: World, persona: Persona) =>
  persona.scope === 'foreign' ? w.providers.foreign : w.providers.own;
/** The submission of a provider persona's Träger. */
const submissionOf = (w: World, persona: Persona) =>
  persona.scope === 'foreign' ? w.submissions.foreign : w.submissions.own;

/** Submissions of the world, by id: the office sees the world's (and maybe others'), provider staff only theirs. */
function byId<T>(
  data: { submissions: ({ id: string } & T)[] },
  w: World,
  persona: Persona,
  value: (submission: T) => unknown,
): Record<string, unknown> {
  const known = Object.values(w.submissions);
  return Object.fromEntries(
    data.submissions
      .filter((submission) => persona.role === Role.PROVIDER || known.includes(submission.id))
      .map((submission) => [submission.id, value(submission)]),
  );
}

const submissionCount = (w: World) => w.sql('select count(*)::int as "count" from "submission"');

function submitCase(
  formKey: string,
  allowed: (persona: Persona) => boolean,
  title: string,
): AuthorizationCase {
  return {
    title,
    covers: ['Mutation.submitForm', 'SubmitFormPayload.submission', 'SubmitFormPayload.errors'],
    document: `mutation($formKey: String!, $data: JSON!, $id: ID!) {
      submitForm(formKey: $formKey, data: $data, clientSubmissionId: $id) {
        submission { provider { id } } errors { path } errorCount
      }
    }`,
    variables: () => ({ formKey, data: sampleDataOf(formKey), id: newClientSubmissionId() }),
    pick: (data) => ({
      provider: data.submitForm.submission?.provider?.id ?? null,
      errors: data.submitForm.errors,
    }),
    expect: {
      '*': (w, _p, persona) =>
        allowed(persona)
          ? allow({ provider: persona.role === Role.PROVIDER ? providerOf(w, persona) : null, errors: [] })
          : deny('FORBIDDEN'),
    },
    state: submissionCount,
  };
}

export const cases: AuthorizationCase[] = [
  {
    title: 'submissions: the office sees all, provider staff only their own Träger’s',
    covers: ['Query.submissions'],
    document: 'query { submissions(formKey: "offer-description") { id } }',
    pick: (data, w, _p, persona) =>
      persona.role === Role.PROVIDER
        ? ids(data.submissions)
        : knownIds(data.submissions, Object.values(w.submissions)),
    expect: {
      office: (w) => allow(sorted([w.submissions.own, w.submissions.foreign])),
      PROVIDER: (w, _p, persona) => allow([submissionOf(w, persona)]),
    },
  },
  {
    title: 'submission(id) of a Träger’s submission: hidden from other Träger',
    covers: ['Query.submission'],
    document: 'query($id: UUID!) { submission(id: $id) { id } }',
    variables: (w) => ({ id: w.submissions.own }),
    pick: (data) => data.submission?.id ?? null,
    expect: {
      office: (w) => allow(w.submissions.own),
      'PROVIDER:own': (w) => allow(w.submissions.own),
      'PROVIDER:foreign': allow(null),
    },
  },
  {
    title: 'submission(id) of an office submission: hidden from provider staff',
    covers: ['Query.submission'],
    document: 'query($id: UUID!) { submission(id: $id) { id } }',
    variables: (w) => ({ id: w.submissions.office }),
    pick: (data) => data.submission?.id ?? null,
    expect: { office: (w) => allow(w.submissions.office), PROVIDER: allow(null) },
  },
  {
    title: 'Submission.formVersion only through visible submissions',
    covers: ['Submission.formVersion'],
    document: 'query { submissions(formKey: "offer-description") { id formVersion { id } } }',
    pick: (data, w, _p, persona) =>
      byId(data, w, persona, (submission: { formVersion: { id: string } }) => submission.formVersion.id),
    expect: {
      office: (w) =>
        allow({
          [w.submissions.own]: w.formVersions.published,
          [w.submissions.foreign]: w.formVersions.published,
        }),
      PROVIDER: (w, _p, persona) => allow({ [submissionOf(w, persona)]: w.formVersions.published }),
    },
  },
  {
    title: 'Submission.provider names the Träger the submission belongs to',
    covers: ['Submission.provider'],
    document: 'query { submissions(formKey: "offer-description") { id provider { id } } }',
    pick: (data, w, _p, persona) =>
      byId(
        data,
        w,
        persona,
        (submission: { provider: { id: string } | null }) => submission.provider?.id ?? null,
      ),
    expect: {
      office: (w) =>
        allow({ [w.submissions.own]: w.providers.own, [w.submissions.foreign]: w.providers.foreign }),
      PROVIDER: (w, _p, persona) => allow({ [submissionOf(w, persona)]: providerOf(w, persona) }),
    },
  },
  {
    title:
      'Submission.data (a field rule): the office roles of the process and the own Träger read it; the committee sees the submission without its content',
    covers: ['Submission.viewerCan'],
    document: 'query { submissions(formKey: "offer-description") { id data viewerCan { readData } } }',
    pick: (data, w, _p, persona) =>
      byId(data, w, persona, (submission: { data: unknown; viewerCan: { readData: boolean } }) => ({
        hasData: submission.data !== null,
        readData: submission.viewerCan.readData,
      })),
    expect: {
      COMMITTEE: (w) =>
        allow({
          [w.submissions.own]: { hasData: false, readData: false },
          [w.submissions.foreign]: { hasData: false, readData: false },
        }),
      office: (w) =>
        allow({
          [w.submissions.own]: { hasData: true, readData: true },
          [w.submissions.foreign]: { hasData: true, readData: true },
        }),
      PROVIDER: (w, _p, persona) => allow({ [submissionOf(w, persona)]: { hasData: true, readData: true } }),
    },
  },
  submitCase(
    'offer-description',
    (persona) => persona.role === Role.PROVIDER,
    'submitForm of Anlage 1: provider staff only, for their own Träger',
  ),
  submitCase(
    'criteria',
    (persona) => persona.role === Role.TEAM_LEAD,
    'submitForm of the scoring sheet: team leads only',
  ),
];
