import { Migration } from '@mikro-orm/migrations';

/**
 * The Sozialraumbudget lives in the ledger: each interim allocation (a new total per Sozialraum and budget
 * year) becomes an ALLOCATION entry of its difference to the one before, with its reason, author and day;
 * the notices issued so far become COMMITMENT entries per budget year share. Then the interim table goes.
 */
export class Migration20261206000000_allocations_into_ledger extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`insert into "ledger_entry" ("id", "created_at", "created_by", "created_by_name", "kind", "amount", "budget_year", "booked_on", "social_area_id", "regional_team_id", "reason")
      select a."id", a."created_at", a."created_by", a."set_by_name", 'ALLOCATION',
             a."amount" - coalesce(lag(a."amount") over (partition by a."social_area_id", a."budget_year_id" order by a."created_at", a."id"), 0),
             b."year",
             case when extract(year from (a."created_at" at time zone 'Europe/Berlin'))::int = b."year"
                  then (a."created_at" at time zone 'Europe/Berlin')::date
                  when extract(year from (a."created_at" at time zone 'Europe/Berlin'))::int < b."year"
                  then make_date(b."year", 1, 1) else make_date(b."year", 12, 31) end,
             a."social_area_id", s."regional_team_id", a."reason"
        from "interim_budget_allocation" a
        join "budget_year" b on b."id" = a."budget_year_id"
        join "social_area" s on s."id" = a."social_area_id";`);
    this
      .addSql(`insert into "ledger_entry" ("id", "created_at", "created_by", "created_by_name", "kind", "amount", "budget_year", "booked_on", "social_area_id", "regional_team_id", "financing_kind", "offer_id", "notice_id", "provider_id", "offer_category_id")
      select sh."id", sh."created_at", sh."created_by", n."issued_by_name", 'COMMITMENT', sh."amount", sh."budget_year",
             case when n."year" = sh."budget_year" then n."notice_date"
                  when n."year" < sh."budget_year" then make_date(sh."budget_year", 1, 1)
                  else make_date(sh."budget_year", 12, 31) end,
             sh."social_area_id", s."regional_team_id", sh."financing_kind", n."offer_id", n."id", sh."provider_id", sh."offer_category_id"
        from "decision_notice_share" sh
        join "decision_notice" n on n."id" = sh."notice_id"
        left join "social_area" s on s."id" = sh."social_area_id"
       where sh."amount" <> 0;`);
    this.addSql(`drop table "interim_budget_allocation";`);
  }
}
