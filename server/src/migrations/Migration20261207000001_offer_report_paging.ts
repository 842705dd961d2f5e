import { Migration } from '@mikro-orm/migrations';

/**
 * The offer overview's next due evaluation per offer: the earliest due date among an offer's open
 * evaluations is the first entry of this partial index, one probe per offer instead of reading all of
 * its evaluations (measured at county scale: the 1,358 offers of a year 18 ms → 3 ms).
 */
export class Migration20261207000001_offer_report_paging extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "evaluation_open_due_index" on "evaluation" ("offer_id", "due_date") where "state" in ('DUE', 'CHANGES_REQUESTED');`,
    );
  }
}
