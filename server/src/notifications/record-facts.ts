import type { EntityManager } from '@mikro-orm/postgresql';
import type { Audience, RecordFacts, RecordType } from './notification-rules.js';
import { isUuid } from '../common/uuid.scalar.js';

type Sql = EntityManager['execute'];

const COLUMNS = `"id"::text as "id", "title", "provider_id" as "providerId", "provider_name" as "providerName",
  "social_area_id" as "socialAreaId", "regional_team_id" as "regionalTeamId", "need_created_by" as "needCreatedBy"`;

/** Per kind of record: its facts by id (one row). */
const FACTS: Record<RecordType, string> = {
  Need: `select n."id", n."title", null::uuid as "provider_id", null as "provider_name", n."social_area_id",
      sa."regional_team_id", n."created_by" as "need_created_by"
    from "need" n left join "social_area" sa on sa."id" = n."social_area_id"
    where n."id" = ?`,
  Application: `select a."id", c."title", a."provider_id", p."name" as "provider_name", n."social_area_id",
      sa."regional_team_id", n."created_by" as "need_created_by"
    from "application" a
    join "call_for_interest" c on c."id" = a."call_id"
    join "need" n on n."id" = c."need_id"
    join "provider" p on p."id" = a."provider_id"
    left join "social_area" sa on sa."id" = n."social_area_id"
    where a."id" = ?`,
  Evaluation: `select e."id", o."title" || ', Zeitraum ' || e."period_number" as "title", o."provider_id",
      p."name" as "provider_name", o."social_area_id", sa."regional_team_id", n."created_by" as "need_created_by"
    from "evaluation" e
    join "offer" o on o."id" = e."offer_id"
    join "need" n on n."id" = o."need_id"
    join "provider" p on p."id" = o."provider_id"
    left join "social_area" sa on sa."id" = o."social_area_id"
    where e."id" = ?`,
  DecisionNotice: `select d."id", d."title", d."provider_id", p."name" as "provider_name", d."social_area_id",
      sa."regional_team_id", n."created_by" as "need_created_by"
    from "decision_notice" d
    join "offer" o on o."id" = d."offer_id"
    join "need" n on n."id" = o."need_id"
    join "provider" p on p."id" = d."provider_id"
    left join "social_area" sa on sa."id" = d."social_area_id"
    where d."id" = ?`,
};

/** The facts of the record an event names, or null when there is no such record. */
export async function findRecordFacts(
  execute: Sql,
  type: RecordType,
  id: string,
): Promise<RecordFacts | null> {
  if (!isUuid(id)) return null;
  const rows = await execute<RecordFacts[]>(`select ${COLUMNS} from (${FACTS[type]}) as "facts"`, [id]);
  return rows[0] ?? null;
}

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

const ACTIVE_USERS = `select u."id"::text as "id", u."email", u."display_name" as "displayName" from "app_user" u`;

/** The active accounts of `audience` for a record, without `actorId` (who acted gets no mail about it). */
export async function findRecipients(
  execute: Sql,
  audience: Audience,
  facts: RecordFacts,
  actorId: string | null,
): Promise<Recipient[]> {
  const query = ((): { where: string; params: unknown[] } | null => {
    switch (audience) {
      case 'TEAM_LEADS':
        return facts.socialAreaId
          ? {
              where: `'TEAM_LEAD' = any(u."roles") and exists (select 1 from "user_social_area" us
                where us."user_id" = u."id" and us."social_area_id" = ?)`,
              params: [facts.socialAreaId],
            }
          : {
              where: `('TEAM_LEAD' = any(u."roles") or 'ADMIN' = any(u."roles")) and u."id"::text = ?`,
              params: [facts.needCreatedBy ?? ''],
            };
      case 'REGIONAL_TEAM':
        return facts.regionalTeamId
          ? {
              where: `'REGIONAL_TEAM' = any(u."roles") and u."regional_team_id" = ?`,
              params: [facts.regionalTeamId],
            }
          : { where: `'REGIONAL_TEAM' = any(u."roles")`, params: [] };
      case 'FINANCE':
        return { where: `'FINANCE' = any(u."roles")`, params: [] };
      case 'PROVIDER_STAFF':
        return facts.providerId
          ? { where: `'PROVIDER' = any(u."roles") and u."provider_id" = ?`, params: [facts.providerId] }
          : null;
    }
  })();
  if (!query) return [];
  return execute<Recipient[]>(
    `${ACTIVE_USERS} where u."active" and u."id"::text <> ? and ${query.where} order by u."email"`,
    [actorId ?? '', ...query.params],
  );
}
