import { Migration } from '@mikro-orm/migrations';

/**
 * Running offers: what an approved application becomes when its notice (Bescheid) is issued, with the
 * figures of the approval (period, amount, financing kind, § 77 hours and rate) as typed columns.
 */
export class Migration20261201000000_offers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "offer_state" as enum ('RUNNING', 'ENDED');`);
    this.addSql(
      `create table "offer" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "application_id" uuid not null, "need_id" uuid not null, "social_area_id" uuid null, "provider_id" uuid not null, "offer_category_id" uuid not null, "financing_kind" "financing_kind" not null, "title" varchar(200) not null, "period_start" date not null, "period_end" date not null, "approved_amount" bigint not null, "fee_hours" numeric(10,2) null, "hourly_rate" bigint null, "state" "offer_state" not null default 'RUNNING', "ended_at" timestamptz null, "updated_at" timestamptz not null default now(), "revision" int not null default 1, constraint "offer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "offer_provider_id_index" on "offer" ("provider_id");`);
    this.addSql(`create index "offer_social_area_id_state_index" on "offer" ("social_area_id", "state");`);
    this.addSql(
      `alter table "offer" add constraint "offer_application_id_unique" unique ("application_id");`,
    );
    for (const [column, table] of [
      ['application_id', 'application'],
      ['need_id', 'need'],
      ['social_area_id', 'social_area'],
      ['provider_id', 'provider'],
      ['offer_category_id', 'offer_category'],
    ]) {
      this.addSql(
        `alter table "offer" add constraint "offer_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade on delete restrict;`,
      );
    }
  }
}
