import { Migration } from '@mikro-orm/migrations';

/**
 * Needs (Bedarfe), steps 1–7 of the process: the need with its two decisions, the notes of steps 4 and 6
 * and its priority; the bodies (Gremien) as master data, with the four of the seed; and each body's
 * involvement in a need. The need's state follows `process-logic`; its outcome is a typed column for
 * the reports.
 */
export class Migration20261128000000_needs extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "need_state" as enum ('RECORDED', 'RESOURCES_INSUFFICIENT', 'COVERED_BY_RESOURCES', 'NO_OFFER', 'OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS', 'CLOSED');`,
    );
    this.addSql(`create type "need_outcome" as enum ('COVERED_BY_RESOURCES', 'NO_OFFER', 'OFFER');`);
    this.addSql(`create type "body_involvement_kind" as enum ('DECIDE', 'PARTICIPATE', 'INFORM');`);
    this.addSql(
      `create table "body" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "name" varchar(200) not null, "active" boolean not null default true, "revision" int not null default 1, constraint "body_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "body" add constraint "body_name_unique" unique ("name");`);
    this.addSql(
      `create table "need" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "social_area_id" uuid null, "title" varchar(200) not null, "situation_description" text not null, "state" "need_state" not null default 'RECORDED', "outcome" "need_outcome" null, "created_by_name" varchar(200) not null, "covered_by_resources" boolean null, "resources_justification" text null, "considered_offers" text null, "considered_provider_ids" text[] not null default '{}', "resources_decided_by" varchar(200) null, "resources_decided_by_name" varchar(200) null, "resources_decided_at" timestamptz null, "offer_wanted" boolean null, "offer_justification" text null, "offer_decided_by" varchar(200) null, "offer_decided_by_name" varchar(200) null, "offer_decided_at" timestamptz null, "contact_youth_office" text null, "contact_providers" text null, "funding_programmes" text null, "professional_justification" text null, "resources_weighed" text null, "development_without_offer" text null, "priority" int null, "updated_at" timestamptz not null default now(), "revision" int not null default 1, constraint "need_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "need_social_area_id_state_index" on "need" ("social_area_id", "state");`);
    this.addSql(
      `create table "need_body_involvement" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "need_id" uuid not null, "body_id" uuid not null, "involvement" "body_involvement_kind" not null, "date" date not null, "outcome" text not null, "created_by_name" varchar(200) not null, constraint "need_body_involvement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "need_body_involvement_need_id_index" on "need_body_involvement" ("need_id");`);
    this.addSql(
      `alter table "need" add constraint "need_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "need_body_involvement" add constraint "need_body_involvement_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "need_body_involvement" add constraint "need_body_involvement_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`,
    );
    // The bodies of the seed; the administration may rename or deactivate them.
    this.addSql(
      `insert into "body" ("id", "created_by", "name") values
        (gen_random_uuid(), 'system', 'Kreisweite Angebote'),
        (gen_random_uuid(), 'system', 'AG nach § 78 SGB VIII'),
        (gen_random_uuid(), 'system', 'Jugendhilfeausschuss'),
        (gen_random_uuid(), 'system', 'Fachgremium Sozialraummanagement');`,
    );
  }
}
