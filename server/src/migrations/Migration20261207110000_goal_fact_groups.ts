import { Migration } from '@mikro-orm/migrations';

/**
 * The goal facts' covering index in the order the goal achievement report groups them (period start,
 * Sozialraum, provider, offer; server/src/reports/datasets/evaluations.ts): a year's goal facts are read
 * from the index alone and summed per group as they come, without a sort. It replaces the index on the
 * period start alone (Migration20261207100000_report_year_ranges), which served the same ranges.
 */
export class Migration20261207110000_goal_fact_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "evaluation_goal_fact_report_period_index";`);
    this.addSql(
      `create index "evaluation_goal_fact_report_groups_index" on "evaluation_goal_fact" ("period_from", "social_area_id", "provider_id", "offer_id") include ("achievement_percent");`,
    );
  }
}
