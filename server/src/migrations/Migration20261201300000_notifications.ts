import { Migration } from '@mikro-orm/migrations';

/**
 * E-mail notifications derived from the audit trail: the dispatcher's cursor (starting after the events
 * that exist now, so a first start mails nothing about the past), one row per mail to send, and a
 * notification on the channel `audit_event_added` whenever events are added, which wakes the dispatcher
 * when the adding transaction commits.
 */
export class Migration20261201300000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" bigserial primary key, "event_id" bigint not null, "operation" varchar(100) not null, "recipient_user_id" uuid not null, "recipient_email" varchar(320) not null, "subject" varchar(300) not null, "body" text not null, "created_at" timestamptz not null default now(), "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "sent_at" timestamptz null, "last_error" text null);`,
    );
    this.addSql(
      `create index "notification_sent_at_next_attempt_at_index" on "notification" ("sent_at", "next_attempt_at");`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_event_id_recipient_user_id_unique" unique ("event_id", "recipient_user_id");`,
    );
    this.addSql(
      `create table "notification_cursor" ("name" varchar(50) not null, "last_event_id" bigint not null, "updated_at" timestamptz not null default now(), constraint "notification_cursor_pkey" primary key ("name"));`,
    );
    this.addSql(
      `insert into "notification_cursor" ("name", "last_event_id") select 'mail', coalesce(max("id"), 0) from "audit_event";`,
    );
    this.addSql(`create function "audit_event_added"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('audit_event_added', '');
        return null;
      end;
    $$;`);
    this.addSql(
      `create trigger "audit_event_added" after insert on "audit_event" for each statement execute function "audit_event_added"();`,
    );
  }
}
