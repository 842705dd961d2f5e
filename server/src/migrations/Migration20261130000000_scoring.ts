import { Migration } from '@mikro-orm/migrations';

/**
 * Scores against Anlage 3 (step 8): the score of one scorer for one application, bound to the version of
 * Anlage 3 in force when it was started, and its submitted revisions with the weighted score in basis
 * points. A revision is never changed: a trigger refuses UPDATE and DELETE.
 */
export class Migration20261130000000_scoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "score" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "application_id" uuid not null, "scorer_id" varchar(200) not null, "scorer_name" varchar(200) not null, "criteria_version_id" uuid not null, "data" jsonb not null, "submitted_at" timestamptz null, "updated_at" timestamptz not null default now(), "revision" int not null default 1, constraint "score_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "score_application_id_index" on "score" ("application_id");`);
    this.addSql(
      `alter table "score" add constraint "score_application_id_scorer_id_unique" unique ("application_id", "scorer_id");`,
    );
    this.addSql(
      `create table "score_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "score_id" uuid not null, "number" int not null, "criteria_version_id" uuid not null, "data" jsonb not null, "weighted_score_basis_points" int not null, "submitted_at" timestamptz not null, "submitted_by_name" varchar(200) not null, constraint "score_revision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "score_revision" add constraint "score_revision_score_id_number_unique" unique ("score_id", "number");`,
    );
    this.addSql(
      `alter table "score" add constraint "score_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "score_revision" add constraint "score_revision_score_id_foreign" foreign key ("score_id") references "score" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create function "score_revision_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception 'score revisions are immutable (%)', tg_op using errcode = 'insufficient_privilege';
      end;
    $$;`);
    this.addSql(
      `create trigger "score_revision_no_change" before update or delete on "score_revision" for each row execute function "score_revision_immutable"();`,
    );
  }
}
