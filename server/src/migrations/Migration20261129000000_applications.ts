import { Migration } from '@mikro-orm/migrations';

/**
 * Calls for interest and applications (step 8): the call of a need (deadline, invited Träger or all,
 * offer category), the application of a Träger bound to the versions of Anlage 1 and 2 in force when it
 * was created, and its submitted revisions. A revision is never changed: a trigger refuses UPDATE and
 * DELETE. The requested amount of each revision is a typed column for the reports.
 */
export class Migration20261129000000_applications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "application_state" as enum ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');`,
    );
    this.addSql(
      `create table "call_for_interest" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "need_id" uuid not null, "title" varchar(200) not null, "deadline" timestamptz not null, "open_to_all" boolean not null, "invited_provider_ids" text[] not null default '{}', "offer_category_id" uuid not null, "opened_by_name" varchar(200) not null, "closed_at" timestamptz null, "closed_by_name" varchar(200) null, constraint "call_for_interest_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "call_for_interest" add constraint "call_for_interest_need_id_unique" unique ("need_id");`,
    );
    this.addSql(
      `create table "application" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "call_id" uuid not null, "provider_id" uuid not null, "state" "application_state" not null default 'DRAFT', "offer_description_version_id" uuid not null, "cost_calculation_version_id" uuid not null, "offer_description_data" jsonb not null, "cost_calculation_data" jsonb not null, "created_by_name" varchar(200) not null, "submitted_at" timestamptz null, "change_request_comment" text null, "changes_requested_at" timestamptz null, "changes_requested_by_name" varchar(200) null, "withdrawn_at" timestamptz null, "updated_at" timestamptz not null default now(), "revision" int not null default 1, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_provider_id_index" on "application" ("provider_id");`);
    this.addSql(
      `create index "application_call_id_provider_id_index" on "application" ("call_id", "provider_id");`,
    );
    this.addSql(
      `create table "application_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "application_id" uuid not null, "number" int not null, "offer_description_data" jsonb not null, "cost_calculation_data" jsonb not null, "requested_amount" bigint not null, "submitted_at" timestamptz not null, "submitted_by_name" varchar(200) not null, constraint "application_revision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "application_revision" add constraint "application_revision_application_id_number_unique" unique ("application_id", "number");`,
    );
    this.addSql(
      `alter table "call_for_interest" add constraint "call_for_interest_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "call_for_interest" add constraint "call_for_interest_offer_category_id_foreign" foreign key ("offer_category_id") references "offer_category" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_call_id_foreign" foreign key ("call_id") references "call_for_interest" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application_revision" add constraint "application_revision_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create function "application_revision_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception 'application revisions are immutable (%)', tg_op using errcode = 'insufficient_privilege';
      end;
    $$;`);
    this.addSql(
      `create trigger "application_revision_no_change" before update or delete on "application_revision" for each row execute function "application_revision_immutable"();`,
    );
  }
}
