import { Migration } from '@mikro-orm/migrations';

/**
 * The budget ledger: every allocation of a Sozialraumbudget, commitment by a Bescheid, cancellation, payment
 * and repayment is one entry in cents. Entries are never changed: a correction is a counter-entry naming the
 * entry it corrects, a trigger refuses UPDATE, DELETE and TRUNCATE, and the app's role may only insert and
 * read (roles.ts, APPEND_ONLY_TABLES).
 */
export class Migration20261204000000_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "ledger_entry_kind" as enum ('ALLOCATION', 'COMMITMENT', 'CANCELLATION', 'PAYMENT', 'REPAYMENT');`,
    );
    this.addSql(
      `create table "ledger_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) null, "created_by_name" varchar(200) null, "kind" "ledger_entry_kind" not null, "amount" bigint not null, "budget_year" int not null, "booked_on" date not null, "social_area_id" uuid null, "regional_team_id" uuid null, "financing_kind" "financing_kind" null, "offer_id" uuid null, "notice_id" uuid null, "provider_id" uuid null, "offer_category_id" uuid null, "period_from" date null, "period_to" date null, "fee_hours" numeric(10,2) null, "hourly_rate" bigint null, "reason" text null, "corrects_entry_id" uuid null, constraint "ledger_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_corrects_entry_id_foreign" foreign key ("corrects_entry_id") references "ledger_entry" ("id") on update restrict on delete restrict;`,
    );
    this.addSql(
      `create index "ledger_entry_budget_year_social_area_id_kind_index" on "ledger_entry" ("budget_year", "social_area_id", "kind");`,
    );
    this.addSql(`create index "ledger_entry_offer_id_index" on "ledger_entry" ("offer_id");`);
    this.addSql(`create index "ledger_entry_booked_on_index" on "ledger_entry" ("booked_on");`);
    this.addSql(`create function "ledger_entry_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'ledger entries are append-only (%)', tg_op using errcode = 'insufficient_privilege';
      end;
    $$;`);
    this.addSql(
      `create trigger "ledger_entry_no_change" before update or delete on "ledger_entry" for each row execute function "ledger_entry_append_only"();`,
    );
    this.addSql(
      `create trigger "ledger_entry_no_truncate" before truncate on "ledger_entry" for each statement execute function "ledger_entry_append_only"();`,
    );
  }
}
