import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly totals of the budget ledger, kept current in the same transaction as every entry: the committee's
 * budget reports add up a few thousand totals instead of a year's entries (a million at state scale;
 * BENCHMARKS.md, "Reports at county and state scale"). Since entries are only ever inserted, a
 * statement-level insert trigger adds each statement's new entries, grouped, to their month's row; the
 * totals are never stale. The app's role may only read them (roles.ts, DERIVED_TABLES); the trigger
 * function runs with its owner's rights. `nulls not distinct` (PostgreSQL 15+) keeps one row for
 * kreisweit entries and for allocations without a financing kind.
 */
export class Migration20261207000002_ledger_month_totals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ledger_month_total" ("budget_year" int not null, "booked_on" date not null, "social_area_id" uuid null, "regional_team_id" uuid null, "kind" "ledger_entry_kind" not null, "financing_kind" "financing_kind" null, "amount" bigint not null, "entries" bigint not null);`,
    );
    this.addSql(
      `create unique index "ledger_month_total_key" on "ledger_month_total" ("budget_year", "booked_on", "social_area_id", "regional_team_id", "kind", "financing_kind") nulls not distinct;`,
    );
    this.addSql(
      `comment on table "ledger_month_total" is 'Sums of ledger_entry per budget year, month (booked_on: its first day), Sozialraum, Regionalteam, kind and financing kind; kept by the trigger ledger_entry_month_total.';`,
    );
    this
      .addSql(`create function "ledger_month_total_add"() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        insert into ledger_month_total as t (budget_year, booked_on, social_area_id, regional_team_id, kind, financing_kind, amount, entries)
        select budget_year, date_trunc('month', booked_on)::date, social_area_id, regional_team_id, kind, financing_kind, sum(amount), count(*)
        from inserted
        group by 1, 2, 3, 4, 5, 6
        -- rows in one order in every transaction, so two bookings never wait for each other crosswise
        order by 1, 2, 3, 4, 5, 6
        on conflict (budget_year, booked_on, social_area_id, regional_team_id, kind, financing_kind)
        do update set amount = t.amount + excluded.amount, entries = t.entries + excluded.entries;
        return null;
      end;
    $$;`);
    this.addSql(
      `create trigger "ledger_entry_month_total" after insert on "ledger_entry" referencing new table as inserted for each statement execute function "ledger_month_total_add"();`,
    );
    this
      .addSql(`insert into "ledger_month_total" (budget_year, booked_on, social_area_id, regional_team_id, kind, financing_kind, amount, entries)
      select budget_year, date_trunc('month', booked_on)::date, social_area_id, regional_team_id, kind, financing_kind, sum(amount), count(*)
      from "ledger_entry" group by 1, 2, 3, 4, 5, 6;`);
  }
}
