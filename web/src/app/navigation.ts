import type { Role } from '../gql/graphql.js';
import { NEED_READER_ROLES } from '../needs/roles.js';
import { APPLICANT_ROLES, APPLICATION_LIST_ROLES } from '../applications/labels.js';
import { EVALUATION_READER_ROLES } from '../evaluations/labels.js';
import { OFFER_READER_ROLES } from '../offers/roles.js';
import { DECISION_NAVIGATION_ROLES } from '../decisions/roles.js';
import { NOTICE_NAVIGATION_ROLES } from '../notices/roles.js';
import { BUDGET_READER_ROLES } from '../budget/roles.js';
import { REPORT_READER_ROLES } from '../reports/roles.js';

export interface NavigationItem {
  to: string;
  label: string;
  /** Active only on exactly this address (the start page). */
  end?: boolean;
  /** Shown to callers holding one of these roles; every signed-in user when absent. */
  roles?: readonly Role[];
  /** Shows the number of open tasks beside the link (Meine Aufgaben). */
  showTaskCount?: boolean;
}

/** Every entry of the main navigation; the server checks each request again. */
export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/aufgaben', label: 'Meine Aufgaben', showTaskCount: true },
  { to: '/', label: 'Formulare', end: true },
  { to: '/einreichungen', label: 'Einreichungen' },
  { to: '/bedarfe', label: 'Bedarfe', roles: NEED_READER_ROLES },
  { to: '/aufrufe', label: 'Aufrufe', roles: APPLICANT_ROLES },
  { to: '/interessensbekundungen', label: 'Interessensbekundungen', roles: APPLICATION_LIST_ROLES },
  { to: '/entscheidungen', label: 'Entscheidungen', roles: DECISION_NAVIGATION_ROLES },
  { to: '/bescheide', label: 'Bescheide', roles: NOTICE_NAVIGATION_ROLES },
  { to: '/angebote', label: 'Angebote', roles: OFFER_READER_ROLES },
  { to: '/evaluationen', label: 'Evaluationen', roles: EVALUATION_READER_ROLES },
  { to: '/berichte', label: 'Berichte', roles: REPORT_READER_ROLES },
  { to: '/budget', label: 'Sozialraumbudget', roles: BUDGET_READER_ROLES },
  { to: '/verwaltung', label: 'Verwaltung', end: true, roles: ['ADMIN'] },
  { to: '/verwaltung/benutzer', label: 'Benutzerkonten', roles: ['ADMIN'] },
  { to: '/verwaltung/formulare', label: 'Formularverwaltung', roles: ['ADMIN'] },
  { to: '/verwaltung/protokoll', label: 'Protokoll', roles: ['ADMIN'] },
];

/** The entries a caller with `roles` may use. */
export const navigationFor = (roles: readonly Role[]): NavigationItem[] =>
  NAVIGATION.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
