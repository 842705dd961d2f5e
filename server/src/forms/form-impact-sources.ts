/**
 * The stored records bound to a form version, by kind, as the impact check reads them: SQL that pages
 * through them by id and a German name for each record.
 */

export interface RecordRow {
  id: string;
  data: string;
  at: Date | string;
  title: string | null;
  who: string | null;
}

/**
 * One kind of stored record bound to a form version. `sql` selects `id`, `data` (JSON text), `at`,
 * `title` and `who` of the records bound to version `?` with an id after `?`, ordered by id, at most `?`.
 */
export interface RecordSource {
  kind: string;
  label: string;
  /** A draft saved on the server counts only errors it does not already have under the version in force. */
  draft: boolean;
  sql: string;
  name: (row: RecordRow) => string;
}

const day = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateOf = (row: RecordRow) => day.format(new Date(row.at));
const titled = (what: string, row: RecordRow) =>
  row.title ? `${what} „${row.title}“` : `${what} vom ${dateOf(row)}`;
/** `what` about a titled thing (`zu „Elterncafé“`), else dated (`vom 03.11.2026`). */
const about = (what: string, row: RecordRow) =>
  row.title ? `${what} zu „${row.title}“` : `${what} vom ${dateOf(row)}`;

const NOT_EMPTY = (column: string) => `${column}::jsonb <> '{}'::jsonb`;
const PAGE = `order by 1 limit ?`;

const submissions: RecordSource = {
  kind: 'SUBMISSION',
  label: 'Eingereichte Formulare',
  draft: false,
  sql: `select s."id"::text as "id", s."data"::text as "data", s."created_at" as "at", null as "title", null as "who"
          from "submission" s where s."form_version_id" = ? and s."id" > ? ${PAGE}`,
  name: (row) => `Einreichung vom ${dateOf(row)}`,
};

const APPLICATION_TITLE = `coalesce(a."offer_description_data"->>'title', a."cost_calculation_data"->>'offerTitle')`;
const APPLICATION_DRAFT_STATES = `('DRAFT', 'CHANGES_REQUESTED')`;

/** Applications of Anlage 1 or 2: the working copies of drafts and the latest submitted revision of the others. */
function applicationSources(versionColumn: string, dataColumn: string): RecordSource[] {
  return [
    {
      kind: 'APPLICATION_DRAFT',
      label: 'Entwürfe von Interessensbekundungen',
      draft: true,
      sql: `select a."id"::text as "id", a."${dataColumn}"::text as "data", a."created_at" as "at",
                   ${APPLICATION_TITLE} as "title", null as "who"
              from "application" a
             where a."${versionColumn}" = ? and a."id" > ? and a."state" in ${APPLICATION_DRAFT_STATES}
               and ${NOT_EMPTY(`a."${dataColumn}"`)} ${PAGE}`,
      name: (row) => titled('Entwurf der Interessensbekundung', row),
    },
    {
      kind: 'APPLICATION',
      label: 'Eingereichte Interessensbekundungen',
      draft: false,
      sql: `select a."id"::text as "id", r."${dataColumn}"::text as "data", r."submitted_at" as "at",
                   ${APPLICATION_TITLE} as "title", null as "who"
              from "application" a
              join lateral (select * from "application_revision" x where x."application_id" = a."id"
                             order by x."number" desc limit 1) r on true
             where a."${versionColumn}" = ? and a."id" > ? and a."state" not in ${APPLICATION_DRAFT_STATES} ${PAGE}`,
      name: (row) => titled('Interessensbekundung', row),
    },
  ];
}

const SCORED_APPLICATION = `(select coalesce(a."offer_description_data"->>'title', a."cost_calculation_data"->>'offerTitle')
                               from "application" a where a."id" = s."application_id")`;

const scoreSources: RecordSource[] = [
  {
    kind: 'SCORE_DRAFT',
    label: 'Entwürfe von Bewertungen',
    draft: true,
    sql: `select s."id"::text as "id", s."data"::text as "data", s."created_at" as "at",
                 ${SCORED_APPLICATION} as "title", s."scorer_name" as "who"
            from "score" s
           where s."criteria_version_id" = ? and s."id" > ? and s."submitted_at" is null
             and ${NOT_EMPTY('s."data"')} ${PAGE}`,
    name: (row) => about(`Entwurf der Bewertung von ${row.who ?? 'unbekannt'}`, row),
  },
  {
    kind: 'SCORE',
    label: 'Eingereichte Bewertungen',
    draft: false,
    sql: `select s."id"::text as "id", r."data"::text as "data", r."submitted_at" as "at",
                 ${SCORED_APPLICATION} as "title", s."scorer_name" as "who"
            from "score" s
            join lateral (select * from "score_revision" x where x."score_id" = s."id"
                           order by x."number" desc limit 1) r on true
           where s."criteria_version_id" = ? and s."id" > ? and s."submitted_at" is not null ${PAGE}`,
    name: (row) => about(`Bewertung von ${row.who ?? 'unbekannt'}`, row),
  },
];

const EVALUATED_OFFER = `(select o."title" from "offer" o where o."id" = e."offer_id")`;

const evaluationSources: RecordSource[] = [
  {
    kind: 'EVALUATION_DRAFT',
    label: 'Entwürfe von Evaluationen',
    draft: true,
    sql: `select e."id"::text as "id", e."data"::text as "data", e."created_at" as "at",
                 ${EVALUATED_OFFER} as "title", e."period_number"::text as "who"
            from "evaluation" e
           where e."form_version_id" = ? and e."id" > ? and e."state" in ('DUE', 'CHANGES_REQUESTED')
             and ${NOT_EMPTY('e."data"')} ${PAGE}`,
    name: (row) => about(`Entwurf der Evaluation (Zeitraum ${row.who})`, row),
  },
  {
    kind: 'EVALUATION',
    label: 'Eingereichte Evaluationen',
    draft: false,
    sql: `select e."id"::text as "id", r."data"::text as "data", r."submitted_at" as "at",
                 ${EVALUATED_OFFER} as "title", e."period_number"::text as "who"
            from "evaluation" e
            join lateral (select * from "evaluation_revision" x where x."evaluation_id" = e."id"
                           order by x."number" desc limit 1) r on true
           where e."form_version_id" = ? and e."id" > ? and e."state" in ('SUBMITTED', 'ACCEPTED') ${PAGE}`,
    name: (row) => about(`Evaluation (Zeitraum ${row.who})`, row),
  },
];

/** The kinds of records bound to a version of form `formKey`. */
export function sourcesOf(formKey: string): RecordSource[] {
  switch (formKey) {
    case 'offer-description':
      return [submissions, ...applicationSources('offer_description_version_id', 'offer_description_data')];
    case 'cost-calculation':
      return [submissions, ...applicationSources('cost_calculation_version_id', 'cost_calculation_data')];
    case 'criteria':
      return [submissions, ...scoreSources];
    case 'evaluation':
      return [submissions, ...evaluationSources];
    default:
      return [submissions];
  }
}
