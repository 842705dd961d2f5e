import { Migration } from '@mikro-orm/migrations';

/**
 * The reports' year filters as ranges on the column (server/src/reports/datasets/fields.ts), and the
 * indexes that serve them (BENCHMARKS.md, "Reports at county and state scale").
 *
 * Three functions of the list of years chosen, immutable, so PostgreSQL computes them once while planning
 * a report's query (its values arrive as constants) and estimates the range from the column's statistics:
 * the first and the last year, and whether the years are consecutive (then the range alone is exact).
 *
 * Covering indexes on the filtered columns, so the reports read one year from the index alone: goal facts
 * by the start of their period and the report's groups (replacing the index on the expression `extract(year from period_from)`),
 * needs by their creation, applications by their submission.
 */
export class Migration20261207100000_report_year_ranges extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create function "report_first_year"("years" int[]) returns int language sql immutable strict parallel safe as $$ select min(y) from unnest(years) y $$;`,
    );
    this.addSql(
      `create function "report_last_year"("years" int[]) returns int language sql immutable strict parallel safe as $$ select max(y) from unnest(years) y $$;`,
    );
    this.addSql(
      `create function "report_years_contiguous"("years" int[]) returns boolean language sql immutable strict parallel safe as $$ select max(y) - min(y) + 1 = count(distinct y) from unnest(years) y $$;`,
    );
    this.addSql(`drop index "evaluation_goal_fact_period_year_index";`);
    // in the order the goal achievement report groups them (period start, Sozialraum, provider, offer;
    // server/src/reports/datasets/evaluations.ts): a year's goal facts come from the index alone, summed
    // per group as they come, without a sort
    this.addSql(
      `create index "evaluation_goal_fact_report_groups_index" on "evaluation_goal_fact" ("period_from", "social_area_id", "provider_id", "offer_id") include ("achievement_percent");`,
    );
    this.addSql(
      `create index "need_report_created_index" on "need" ("created_at") include ("social_area_id", "outcome");`,
    );
    this.addSql(
      `create index "application_report_submitted_index" on "application" ("submitted_at") include ("id", "provider_id", "call_id");`,
    );
  }
}
