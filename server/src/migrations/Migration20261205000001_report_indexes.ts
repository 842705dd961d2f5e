import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the committee's reports, chosen by `npm run bench:reports` (BENCHMARKS.md): the ledger
 * reports read one budget year's entries and answer from the covering index alone (index-only scans,
 * about 4× faster at county scale); goal achievement selects goal facts by the year of their period.
 */
export class Migration20261205000001_report_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "ledger_entry_report_covering_index" on "ledger_entry" ("budget_year", "social_area_id", "kind", "financing_kind") include ("amount", "booked_on", "regional_team_id");`,
    );
    this.addSql(
      `create index "evaluation_goal_fact_period_year_index" on "evaluation_goal_fact" ((extract(year from "period_from")::int)) include ("social_area_id", "achievement_percent", "offer_id", "provider_id");`,
    );
  }
}
