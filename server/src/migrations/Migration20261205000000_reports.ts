import { Migration } from '@mikro-orm/migrations';

/**
 * Report definitions as data: every version of a report (from reports/*.json at start, or saved in the
 * report editor) is a row; the highest version of a key is in force. Versions are never changed.
 */
export class Migration20261205000000_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "report_definition_source" as enum ('FILE', 'EDITOR');`);
    this.addSql(
      `create table "report_definition_version" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "created_by_name" varchar(200) not null, "key" varchar(100) not null, "version" int not null, "definition" jsonb not null, "content_hash" varchar(64) not null, "source" "report_definition_source" not null, constraint "report_definition_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "report_definition_version" add constraint "report_definition_version_key_version_unique" unique ("key", "version");`,
    );
    this.addSql(
      `create index "report_definition_version_key_content_hash_index" on "report_definition_version" ("key", "content_hash");`,
    );
  }
}
