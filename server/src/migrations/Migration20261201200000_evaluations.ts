import { Migration } from '@mikro-orm/migrations';

/**
 * Half-yearly evaluations of running offers: the offer's goal revisions (Anlage 1, then each Umsteuerung),
 * one evaluation per reporting period bound to the evaluation form version in force, its immutable
 * submitted revisions, and the figures of accepted evaluations as typed columns (per evaluation and per
 * goal). Goal and evaluation revisions are never changed: triggers refuse UPDATE and DELETE.
 */
export class Migration20261201200000_evaluations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "evaluation_state" as enum ('DUE', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED');`,
    );
    this.addSql(`create type "goal_achievement" as enum ('NOT', 'PARTLY', 'MOSTLY', 'FULLY');`);
    this.addSql(
      `create table "offer_goal_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "offer_id" uuid not null, "number" int not null, "goals" jsonb not null, "reason" text null, "created_by_name" varchar(200) not null, constraint "offer_goal_revision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "offer_goal_revision" add constraint "offer_goal_revision_offer_id_number_unique" unique ("offer_id", "number");`,
    );
    this.addSql(
      `create table "evaluation" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "offer_id" uuid not null, "period_number" int not null, "period_from" date not null, "period_to" date not null, "due_date" date not null, "state" "evaluation_state" not null default 'DUE', "form_version_id" uuid not null, "data" jsonb not null, "submitted_at" timestamptz null, "change_request_comment" text null, "changes_requested_at" timestamptz null, "changes_requested_by_name" varchar(200) null, "accepted_at" timestamptz null, "accepted_by_name" varchar(200) null, "updated_at" timestamptz not null default now(), "revision" int not null default 1, constraint "evaluation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evaluation_state_due_date_index" on "evaluation" ("state", "due_date");`);
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_offer_id_period_number_unique" unique ("offer_id", "period_number");`,
    );
    this.addSql(
      `create table "evaluation_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "evaluation_id" uuid not null, "number" int not null, "data" jsonb not null, "submitted_at" timestamptz not null, "submitted_by_name" varchar(200) not null, constraint "evaluation_revision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluation_revision" add constraint "evaluation_revision_evaluation_id_number_unique" unique ("evaluation_id", "number");`,
    );
    this.addSql(
      `create table "evaluation_goal_fact" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "evaluation_id" uuid not null, "offer_id" uuid not null, "social_area_id" uuid null, "provider_id" uuid not null, "period_from" date not null, "period_to" date not null, "goal_index" int not null, "goal" text not null, "achievement" "goal_achievement" not null, "achievement_percent" smallint not null, "percent_given" boolean not null, constraint "evaluation_goal_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evaluation_goal_fact_offer_id_index" on "evaluation_goal_fact" ("offer_id");`);
    this.addSql(
      `create index "evaluation_goal_fact_social_area_id_index" on "evaluation_goal_fact" ("social_area_id");`,
    );
    this.addSql(
      `create index "evaluation_goal_fact_provider_id_index" on "evaluation_goal_fact" ("provider_id");`,
    );
    this.addSql(
      `alter table "evaluation_goal_fact" add constraint "evaluation_goal_fact_evaluation_id_goal_index_unique" unique ("evaluation_id", "goal_index");`,
    );
    this.addSql(
      `create table "evaluation_fact" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "evaluation_id" uuid not null, "offer_id" uuid not null, "social_area_id" uuid null, "provider_id" uuid not null, "period_from" date not null, "period_to" date not null, "participants_reached" int not null, "new_participants" int null, "sessions_held" int not null, "professional_hours_delivered" numeric(10,2) not null, "expenses_in_period" bigint not null, "accepted_at" timestamptz not null, constraint "evaluation_fact_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluation_fact" add constraint "evaluation_fact_evaluation_id_unique" unique ("evaluation_id");`,
    );
    this.addSql(`create index "evaluation_fact_offer_id_index" on "evaluation_fact" ("offer_id");`);
    this.addSql(
      `create index "evaluation_fact_social_area_id_index" on "evaluation_fact" ("social_area_id");`,
    );
    this.addSql(`create index "evaluation_fact_provider_id_index" on "evaluation_fact" ("provider_id");`);
    this.addSql(
      `create index "evaluation_fact_period_from_period_to_index" on "evaluation_fact" ("period_from", "period_to");`,
    );
    const foreignKeys: [table: string, column: string, target: string][] = [
      ['offer_goal_revision', 'offer_id', 'offer'],
      ['evaluation', 'offer_id', 'offer'],
      ['evaluation_revision', 'evaluation_id', 'evaluation'],
      ['evaluation_goal_fact', 'evaluation_id', 'evaluation'],
      ['evaluation_goal_fact', 'offer_id', 'offer'],
      ['evaluation_goal_fact', 'social_area_id', 'social_area'],
      ['evaluation_goal_fact', 'provider_id', 'provider'],
      ['evaluation_fact', 'evaluation_id', 'evaluation'],
      ['evaluation_fact', 'offer_id', 'offer'],
      ['evaluation_fact', 'social_area_id', 'social_area'],
      ['evaluation_fact', 'provider_id', 'provider'],
    ];
    for (const [table, column, target] of foreignKeys) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete restrict;`,
      );
    }
    for (const table of ['offer_goal_revision', 'evaluation_revision']) {
      this.addSql(`create function "${table}_immutable"() returns trigger language plpgsql as $$
        begin
          raise exception '${table.replaceAll('_', ' ')}s are immutable (%)', tg_op using errcode = 'insufficient_privilege';
        end;
      $$;`);
      this.addSql(
        `create trigger "${table}_no_change" before update or delete on "${table}" for each row execute function "${table}_immutable"();`,
      );
    }
  }
}
