import { Migration } from '@mikro-orm/migrations';

/**
 * Who is asking: master data (Regionalteams, Sozialräume, Träger, offer categories, budget years), users
 * with roles and scopes, sessions, failed sign-ins for throttling, the audit trail, and the roles that
 * may submit each form. The audit trail is append-only: a trigger refuses `UPDATE`, `DELETE` and
 * `TRUNCATE` for every role but a superuser that disables it (the app's runtime role cannot: it does not
 * own the table and lacks those privileges as well, see roles.ts).
 */
export class Migration20261127000000_who_is_asking extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "audit_outcome" as enum ('SUCCESS', 'DENIED', 'FAILED');`);
    this.addSql(
      `create type "role" as enum ('ADMIN', 'TEAM_LEAD', 'REGIONAL_TEAM', 'FINANCE', 'PROVIDER', 'COMMITTEE');`,
    );
    this.addSql(`create type "financing_kind" as enum ('FEE', 'GRANT');`);
    this.addSql(
      `create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default clock_timestamp(), "request_id" varchar(100) null, "user_id" varchar(100) null, "user_name" varchar(200) null, "role" varchar(30) null, "operation" varchar(100) not null, "entity_type" varchar(100) null, "entity_id" varchar(100) null, "outcome" "audit_outcome" not null, "details" jsonb null, "justification" text null);`,
    );
    this.addSql(`create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at");`);
    this.addSql(
      `create index "audit_event_user_id_occurred_at_index" on "audit_event" ("user_id", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_event_entity_type_entity_id_occurred_at_index" on "audit_event" ("entity_type", "entity_id", "occurred_at");`,
    );
    this.addSql(
      `create table "budget_year" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "year" int not null, "starts_on" date not null, "ends_on" date not null, "closed" boolean not null default false, "revision" int not null default 1, constraint "budget_year_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "budget_year" add constraint "budget_year_year_unique" unique ("year");`);
    this.addSql(
      `create table "login_failure" ("id" bigserial primary key, "account_key" varchar(64) not null, "address" varchar(100) not null, "failed_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "login_failure_address_failed_at_index" on "login_failure" ("address", "failed_at");`,
    );
    this.addSql(
      `create index "login_failure_account_key_failed_at_index" on "login_failure" ("account_key", "failed_at");`,
    );
    this.addSql(
      `create table "offer_category" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "name" varchar(200) not null, "description" text null, "financing_kind" "financing_kind" not null, "active" boolean not null default true, "revision" int not null default 1, constraint "offer_category_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "offer_category" add constraint "offer_category_name_unique" unique ("name");`);
    this.addSql(
      `create table "provider" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "name" varchar(200) not null, "street" varchar(200) null, "postal_code" varchar(10) null, "city" varchar(100) null, "contact_name" varchar(200) null, "contact_email" varchar(320) null, "contact_phone" varchar(50) null, "active" boolean not null default true, "revision" int not null default 1, constraint "provider_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "provider" add constraint "provider_name_unique" unique ("name");`);
    this.addSql(
      `create table "regional_team" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "name" varchar(200) not null, "active" boolean not null default true, "revision" int not null default 1, constraint "regional_team_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "regional_team" add constraint "regional_team_name_unique" unique ("name");`);
    this.addSql(
      `create table "social_area" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "name" varchar(200) not null, "regional_team_id" uuid null, "active" boolean not null default true, "revision" int not null default 1, constraint "social_area_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "social_area" add constraint "social_area_name_unique" unique ("name");`);
    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "email" varchar(320) not null, "display_name" varchar(200) not null, "roles" "role"[] not null, "password_hash" text null, "must_change_password" boolean not null default false, "active" boolean not null default true, "provider_id" uuid null, "regional_team_id" uuid null, "password_changed_at" timestamptz null, "revision" int not null default 1, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(
      `create table "user_social_area" ("user_id" uuid not null, "social_area_id" uuid not null, constraint "user_social_area_pkey" primary key ("user_id", "social_area_id"));`,
    );
    this.addSql(
      `create table "user_session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "user_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(
      `alter table "social_area" add constraint "social_area_regional_team_id_foreign" foreign key ("regional_team_id") references "regional_team" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_regional_team_id_foreign" foreign key ("regional_team_id") references "regional_team" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "user_social_area" add constraint "user_social_area_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "user_social_area" add constraint "user_social_area_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "form" add column "submitter_roles" "role"[] not null default '{}';`);
    this.addSql(`create function "audit_event_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit events are append-only (%)', tg_op using errcode = 'insufficient_privilege';
      end;
    $$;`);
    this.addSql(
      `create trigger "audit_event_no_change" before update or delete on "audit_event" for each row execute function "audit_event_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function "audit_event_append_only"();`,
    );
  }
}
