import { Migration } from '@mikro-orm/migrations';

/** Decision 1 names the running offers it considered (offer ids, beside the free text and the Träger). */
export class Migration20261202000000_need_considered_offers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "need" add column "considered_offer_ids" text[] not null default '{}';`);
  }
}
