/**
 * Which audit events become e-mails, to whom, and what they say: one line per operation. The operation is
 * the command's name as the audit trail records it; `entityType` is the kind of record its event names
 * (the facts of the mail are read from that record, see `record-facts.ts`).
 */

/** Who gets the mail (never the person who acted; only active accounts). */
export type Audience =
  /** The team leads of the record's Sozialraum; for a county-wide record the team lead who recorded the need. */
  | 'TEAM_LEADS'
  /** The Regionalteam of the record's Sozialraum; for a county-wide record every Regionalteam. */
  | 'REGIONAL_TEAM'
  /** Everyone in FINANCE. */
  | 'FINANCE'
  /** The staff of the record's Träger. */
  | 'PROVIDER_STAFF';

/** The kinds of record whose facts a mail can use. */
export type RecordType = 'Need' | 'Application' | 'Evaluation' | 'DecisionNotice';

/** What a mail may say about its record. */
export interface RecordFacts {
  id: string;
  /** The call's, need's or offer's title. */
  title: string;
  providerId: string | null;
  providerName: string | null;
  socialAreaId: string | null;
  regionalTeamId: string | null;
  /** The user id of whoever recorded the need (responsible for a county-wide need). */
  needCreatedBy: string | null;
}

export interface NotificationRule {
  entityType: RecordType;
  audience: Audience;
  /** Subject; the record's title is appended. */
  subject: string;
  /** The first sentence of the mail; `{title}` and `{provider}` are replaced by the record's. */
  text: string;
  /** The page of the web app to act on (path after PUBLIC_URL). */
  link: (facts: RecordFacts) => string;
}

/** The operations that notify someone. */
// One line per operation, so adding one is adding a line.
// prettier-ignore
export const NOTIFICATION_RULES: Readonly<Record<string, NotificationRule>> = {
  submitApplication: { entityType: 'Application', audience: 'TEAM_LEADS', subject: 'Interessensbekundung eingereicht', text: '{provider} hat eine Interessensbekundung zum Aufruf „{title}“ eingereicht. Sie können sie jetzt bewerten.', link: (r) => `/bewertungen/${r.id}` },
  requestApplicationChanges: { entityType: 'Application', audience: 'PROVIDER_STAFF', subject: 'Änderungen an Ihrer Interessensbekundung erbeten', text: 'Das Jugendamt bittet um Änderungen an Ihrer Interessensbekundung zum Aufruf „{title}“. Bitte überarbeiten Sie sie und reichen Sie sie erneut ein.', link: (r) => `/interessensbekundungen/${r.id}` },
  closeCallForInterest: { entityType: 'Need', audience: 'REGIONAL_TEAM', subject: 'Aufruf geschlossen – Entscheidung steht an', text: 'Der Aufruf zum Bedarf „{title}“ ist geschlossen; über die eingereichten Interessensbekundungen ist zu entscheiden.', link: () => '/entscheidungen' },
  approveApplication: { entityType: 'Application', audience: 'FINANCE', subject: 'Interessensbekundung bewilligt – Bescheid erteilen', text: 'Die Interessensbekundung von {provider} zum Aufruf „{title}“ ist bewilligt. Der Bescheid ist zu erteilen.', link: () => '/bescheide' },
  issueNotice: { entityType: 'DecisionNotice', audience: 'PROVIDER_STAFF', subject: 'Bescheid erteilt', text: 'Für Ihr Angebot „{title}“ ist der Bescheid erteilt. Sie finden ihn mit dem Schreiben (PDF) in der Plattform.', link: (r) => `/bescheide/${r.id}` },
  submitEvaluation: { entityType: 'Evaluation', audience: 'TEAM_LEADS', subject: 'Evaluation eingereicht', text: '{provider} hat die Evaluation zu „{title}“ eingereicht. Bitte prüfen Sie sie.', link: (r) => `/evaluationen/${r.id}` },
  requestEvaluationChanges: { entityType: 'Evaluation', audience: 'PROVIDER_STAFF', subject: 'Änderungen an Ihrer Evaluation erbeten', text: 'Das Jugendamt bittet um Änderungen an Ihrer Evaluation zu „{title}“. Bitte überarbeiten Sie sie und reichen Sie sie erneut ein.', link: (r) => `/evaluationen/${r.id}` },
};
