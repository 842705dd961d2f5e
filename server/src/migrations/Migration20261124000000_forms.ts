import { Migration } from '@mikro-orm/migrations';

/** Forms, their versions and submissions. */
export class Migration20261124000000_forms extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "form_version_status" as enum ('DRAFT', 'PUBLISHED', 'ARCHIVED');`);
    this.addSql(`create type "form_version_source" as enum ('FILE', 'EDITOR');`);
    this.addSql(
      `create table "form" ("key" varchar(100) not null, "title" text not null, "description" text null, "created_at" timestamptz not null default now(), constraint "form_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create table "form_version" ("id" uuid not null, "form_key" varchar(100) not null, "number" int not null, "status" "form_version_status" not null default 'DRAFT', "source" "form_version_source" not null default 'EDITOR', "title" text not null, "description" text null, "schema" json not null, "uischema" json not null, "sample_data" json null, "content_hash" varchar(64) not null, "revision" int not null default 1, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "published_at" timestamptz null, "published_by" varchar(200) null, constraint "form_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "form_version_form_key_content_hash_index" on "form_version" ("form_key", "content_hash");`,
    );
    this.addSql(
      `alter table "form_version" add constraint "form_version_form_key_number_unique" unique ("form_key", "number");`,
    );
    this.addSql(
      `create table "submission" ("id" uuid not null, "form_key" varchar(100) not null, "form_version_id" uuid not null, "data" jsonb not null, "client_submission_id" varchar(100) not null, "request_hash" varchar(64) not null, "provider_id" varchar(100) null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, constraint "submission_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "submission" add constraint "submission_client_submission_id_unique" unique ("client_submission_id");`,
    );
    this.addSql(`create index "submission_provider_id_index" on "submission" ("provider_id");`);
    this.addSql(
      `create index "submission_form_key_created_at_index" on "submission" ("form_key", "created_at");`,
    );
    this.addSql(
      `alter table "form_version" add constraint "form_version_form_key_foreign" foreign key ("form_key") references "form" ("key") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "submission" add constraint "submission_form_key_foreign" foreign key ("form_key") references "form" ("key") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "submission" add constraint "submission_form_version_id_foreign" foreign key ("form_version_id") references "form_version" ("id") on update cascade on delete restrict;`,
    );

    // At most one version in force and one draft per form.
    this.addSql(
      `create unique index "form_version_one_published" on "form_version" ("form_key") where "status" = 'PUBLISHED';`,
    );
    this.addSql(
      `create unique index "form_version_one_draft" on "form_version" ("form_key") where "status" = 'DRAFT';`,
    );

    // Definitions are `json`, not `jsonb`: jsonb reorders keys, and property order is meaningful.
    // Published and archived versions never change; only their status moves forward.
    this.addSql(`create function "form_version_guard"() returns trigger language plpgsql as $$
begin
  if old.status <> 'DRAFT' and (
    new.schema::text is distinct from old.schema::text or new.uischema::text is distinct from old.uischema::text
    or new.sample_data::text is distinct from old.sample_data::text or new.title is distinct from old.title
    or new.description is distinct from old.description or new.content_hash is distinct from old.content_hash
    or new.number is distinct from old.number or new.form_key is distinct from old.form_key
  ) then
    raise exception 'form version % is % and cannot be changed', old.id, old.status using errcode = 'check_violation';
  end if;
  if old.status = 'ARCHIVED' and new.status <> 'ARCHIVED' then
    raise exception 'form version % is archived', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;`);
    this.addSql(
      `create trigger "form_version_guard" before update on "form_version" for each row execute function "form_version_guard"();`,
    );

    // Submitted documents are evidence: never updated in place.
    this.addSql(`create function "submission_immutable"() returns trigger language plpgsql as $$
begin
  raise exception 'submission % cannot be changed', old.id using errcode = 'check_violation';
end $$;`);
    this.addSql(
      `create trigger "submission_immutable" before update on "submission" for each row execute function "submission_immutable"();`,
    );
  }
}
