import type { EntityManager } from '@mikro-orm/postgresql';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';

/** The demo Regionalteams and their Sozialräume: the towns and municipalities of the Landkreis Verden. */
export const DEMO_REGIONAL_TEAMS: readonly { name: string; socialAreas: readonly string[] }[] = [
  { name: 'Regionalteam Nord', socialAreas: ['Achim', 'Oyten', 'Ottersberg', 'Langwedel'] },
  {
    name: 'Regionalteam Süd',
    socialAreas: ['Verden (Aller)', 'Dörverden', 'Kirchlinteln', 'Thedinghausen'],
  },
];

/** The demo Träger (invented organisations; addresses are examples). */
export const DEMO_PROVIDERS = [
  {
    name: 'Jugendhilfe Weser-Aller e. V.',
    street: 'Obernstraße 12',
    postalCode: '28832',
    city: 'Achim',
    contactName: 'Geschäftsstelle',
    contactEmail: 'kontakt@jugendhilfe-weser-aller.invalid',
    contactPhone: '04202 000000',
  },
  {
    name: 'Familienzentrum Allerbogen gGmbH',
    street: 'Große Straße 40',
    postalCode: '27283',
    city: 'Verden (Aller)',
    contactName: 'Leitung',
    contactEmail: 'info@familienzentrum-allerbogen.invalid',
    contactPhone: '04231 000000',
  },
  {
    name: 'Kinder- und Jugendwerk Geest e. V.',
    street: 'Am Markt 3',
    postalCode: '28870',
    city: 'Ottersberg',
    contactName: 'Vorstand',
    contactEmail: 'post@jugendwerk-geest.invalid',
    contactPhone: '04205 000000',
  },
] as const;

/** The offer categories of the seed, each with its financing kind (configuration, not code). */
export const DEMO_OFFER_CATEGORIES = [
  {
    name: 'Gruppenangebot zu Themen aus laufenden Einzelfällen',
    description: 'Fallbezogene Gruppen zu pädagogischen Themen aus laufenden Hilfeplänen.',
    financingKind: 'FEE',
  },
  {
    name: 'Offenes Angebot mit pädagogischer Zielsetzung',
    description: 'Offen für alle, z. B. Eltern-Café, soziales Training in Schulklassen, offene Gruppen.',
    financingKind: 'GRANT',
  },
] as const;

export const DEMO_BUDGET_YEARS = [2026, 2027] as const;

/**
 * Creates the demo master data that is missing (by name or year), as one command of the platform;
 * records an administrator changed stay as they are. Idempotent.
 * @returns how many records were created.
 */
export async function seedDemoMasterData(em: EntityManager): Promise<number> {
  return runCommand({ em, caller: SYSTEM_CALLER, requestId: 'start' }, 'seedDemoMasterData', async (cmd) => {
    let created = 0;
    const count = (rows: unknown[]) => {
      created += rows.length;
    };
    for (const team of DEMO_REGIONAL_TEAMS) {
      count(
        await cmd.sql(
          `insert into "regional_team" ("id", "created_by", "name") values (gen_random_uuid(), 'system', ?)
           on conflict ("name") do nothing returning "id"`,
          [team.name],
        ),
      );
      for (const area of team.socialAreas) {
        count(
          await cmd.sql(
            `insert into "social_area" ("id", "created_by", "name", "regional_team_id")
             select gen_random_uuid(), 'system', ?, "id" from "regional_team" where "name" = ?
             on conflict ("name") do nothing returning "id"`,
            [area, team.name],
          ),
        );
      }
    }
    for (const provider of DEMO_PROVIDERS) {
      count(
        await cmd.sql(
          `insert into "provider" ("id", "created_by", "name", "street", "postal_code", "city", "contact_name",
             "contact_email", "contact_phone")
           values (gen_random_uuid(), 'system', ?, ?, ?, ?, ?, ?, ?)
           on conflict ("name") do nothing returning "id"`,
          [
            provider.name,
            provider.street,
            provider.postalCode,
            provider.city,
            provider.contactName,
            provider.contactEmail,
            provider.contactPhone,
          ],
        ),
      );
    }
    for (const category of DEMO_OFFER_CATEGORIES) {
      count(
        await cmd.sql(
          `insert into "offer_category" ("id", "created_by", "name", "description", "financing_kind")
           values (gen_random_uuid(), 'system', ?, ?, ?::financing_kind)
           on conflict ("name") do nothing returning "id"`,
          [category.name, category.description, category.financingKind],
        ),
      );
    }
    for (const year of DEMO_BUDGET_YEARS) {
      count(
        await cmd.sql(
          `insert into "budget_year" ("id", "created_by", "year", "starts_on", "ends_on")
           values (gen_random_uuid(), 'system', ?, make_date(?, 1, 1), make_date(?, 12, 31))
           on conflict ("year") do nothing returning "id"`,
          [year, year, year],
        ),
      );
    }
    if (created === 0) cmd.unchanged();
    else cmd.audit({ entityType: 'MasterData', entityId: 'demo', details: { created } });
    return created;
  });
}
