import { Migration } from '@mikro-orm/migrations';

/**
 * Form administration: who wrote and who published a version (display names, as the version list shows
 * them) and when a version was set aside or superseded.
 */
export class Migration20261203000000_form_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "form_version" add column "created_by_name" varchar(200) null;`);
    this.addSql(`alter table "form_version" add column "published_by_name" varchar(200) null;`);
    this.addSql(`alter table "form_version" add column "archived_at" timestamptz null;`);
  }
}
