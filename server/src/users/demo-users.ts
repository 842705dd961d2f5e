import { Role } from '../common/context.js';
import { DEMO_PROVIDERS, DEMO_REGIONAL_TEAMS } from '../master-data/seed-demo-master-data.js';

/** A demo account: created in demo mode (DEMO_DATA) with a published password, printed at every start. */
export interface DemoUser {
  email: string;
  password: string;
  displayName: string;
  roles: readonly Role[];
  /** PROVIDER: the name of its demo Träger. */
  providerName?: string;
  /** REGIONAL_TEAM: the name of its demo Regionalteam. */
  regionalTeamName?: string;
  /** TEAM_LEAD: the names of its demo Sozialräume. */
  socialAreaNames?: readonly string[];
}

/**
 * One demo user per role (two for PROVIDER, of different Träger, so the separation of Träger can be
 * tried out). The passwords are public: demo mode is for trying the platform, never for real data.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.sozialraum.invalid',
    password: 'demo-admin-2026',
    displayName: 'Anna Adler (Jugendhilfeplanung)',
    roles: [Role.ADMIN],
  },
  {
    email: 'teamleitung@demo.sozialraum.invalid',
    password: 'demo-teamleitung-2026',
    displayName: 'Tarek Thiel (Leitung Sozialraumteam)',
    roles: [Role.TEAM_LEAD],
    socialAreaNames: ['Achim', 'Oyten'],
  },
  {
    email: 'regionalteam@demo.sozialraum.invalid',
    password: 'demo-regionalteam-2026',
    displayName: 'Rita Rolfs (Regionalteam Nord)',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamName: DEMO_REGIONAL_TEAMS[0].name,
  },
  {
    email: 'wjh@demo.sozialraum.invalid',
    password: 'demo-wjh-2026',
    displayName: 'Frank Fehse (Wirtschaftliche Jugendhilfe)',
    roles: [Role.FINANCE],
  },
  {
    email: 'traeger@demo.sozialraum.invalid',
    password: 'demo-traeger-2026',
    displayName: 'Paula Peters (Träger)',
    roles: [Role.PROVIDER],
    providerName: DEMO_PROVIDERS[0].name,
  },
  {
    email: 'traeger2@demo.sozialraum.invalid',
    password: 'demo-traeger2-2026',
    displayName: 'Paul Pahl (anderer Träger)',
    roles: [Role.PROVIDER],
    providerName: DEMO_PROVIDERS[1].name,
  },
  {
    email: 'gremium@demo.sozialraum.invalid',
    password: 'demo-gremium-2026',
    displayName: 'Greta Gerdes (Fachgremium)',
    roles: [Role.COMMITTEE],
  },
];

/** The demo user of the first demo Träger: the demo submissions of providers are theirs. */
export const DEMO_PROVIDER_USER = DEMO_USERS.find(
  (user) => user.email === 'traeger@demo.sozialraum.invalid',
)!;

/** The demo team lead: office forms (the scoring sheet) of the demo data are theirs. */
export const DEMO_TEAM_LEAD_USER = DEMO_USERS.find((user) => user.roles.includes(Role.TEAM_LEAD))!;

/** German role names for the start-up table and messages. */
export const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: 'Administration',
  [Role.TEAM_LEAD]: 'Leitung Sozialraumteam',
  [Role.REGIONAL_TEAM]: 'Regionalteam',
  [Role.FINANCE]: 'Wirtschaftliche Jugendhilfe',
  [Role.PROVIDER]: 'Träger',
  [Role.COMMITTEE]: 'Fachgremium',
};
