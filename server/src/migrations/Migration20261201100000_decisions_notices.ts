import { Migration } from '@mikro-orm/migrations';

/**
 * The Regionalteam's decisions on applications (amount, period, financing kind, § 77 hours and rate, budget
 * warning), the interim budget allocations per Sozialraum and budget year (a new row per change), and the
 * notices (Bescheide) with their shares per budget year as typed facts for the reports.
 */
export class Migration20261201100000_decisions_notices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "decision_outcome" as enum ('APPROVED', 'REJECTED');`);
    this.addSql(
      `create table "interim_budget_allocation" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "social_area_id" uuid not null, "budget_year_id" uuid not null, "amount" bigint not null, "reason" text not null, "set_by_name" varchar(200) not null, constraint "interim_budget_allocation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "interim_budget_allocation_social_area_id_budget_ye_c445c_index" on "interim_budget_allocation" ("social_area_id", "budget_year_id", "created_at");`,
    );
    this.addSql(
      `create table "application_decision" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "application_id" uuid not null, "outcome" "decision_outcome" not null, "justification" text not null, "decided_by_name" varchar(200) not null, "decided_at" timestamptz not null, "application_revision_number" int not null, "social_area_id" uuid null, "offer_category_id" uuid not null, "approved_amount" bigint null, "period_start" date null, "period_end" date null, "financing_kind" "financing_kind" null, "fee_hours" numeric(10,2) null, "hourly_rate" bigint null, "budget_warning" boolean not null default false, constraint "application_decision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "application_decision" add constraint "application_decision_application_id_unique" unique ("application_id");`,
    );
    this.addSql(
      `create index "application_decision_social_area_id_outcome_index" on "application_decision" ("social_area_id", "outcome");`,
    );
    this.addSql(
      `create table "decision_notice" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "application_id" uuid not null, "decision_id" uuid not null, "offer_id" uuid not null, "number" varchar(100) not null, "year" int not null, "sequence" int not null, "notice_date" date not null, "provider_id" uuid not null, "addressee_name" varchar(200) not null, "addressee_street" varchar(200) null, "addressee_postal_code" varchar(10) null, "addressee_city" varchar(100) null, "title" varchar(200) not null, "social_area_id" uuid null, "offer_category_id" uuid not null, "amount" bigint not null, "period_start" date not null, "period_end" date not null, "financing_kind" "financing_kind" not null, "legal_basis" varchar(50) not null, "fee_hours" numeric(10,2) null, "hourly_rate" bigint null, "issued_by_name" varchar(200) not null, constraint "decision_notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_application_id_unique" unique ("application_id");`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_decision_id_unique" unique ("decision_id");`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_offer_id_unique" unique ("offer_id");`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_number_unique" unique ("number");`,
    );
    this.addSql(`create index "decision_notice_provider_id_index" on "decision_notice" ("provider_id");`);
    this.addSql(
      `create index "decision_notice_social_area_id_index" on "decision_notice" ("social_area_id");`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_year_sequence_unique" unique ("year", "sequence");`,
    );
    this.addSql(
      `create table "decision_notice_share" ("id" uuid not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "notice_id" uuid not null, "budget_year" int not null, "amount" bigint not null, "financing_kind" "financing_kind" not null, "social_area_id" uuid null, "provider_id" uuid not null, "offer_category_id" uuid not null, constraint "decision_notice_share_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "decision_notice_share_budget_year_social_area_id_index" on "decision_notice_share" ("budget_year", "social_area_id");`,
    );
    this.addSql(
      `alter table "decision_notice_share" add constraint "decision_notice_share_notice_id_budget_year_unique" unique ("notice_id", "budget_year");`,
    );
    this.addSql(
      `alter table "interim_budget_allocation" add constraint "interim_budget_allocation_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "interim_budget_allocation" add constraint "interim_budget_allocation_budget_year_id_foreign" foreign key ("budget_year_id") references "budget_year" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application_decision" add constraint "application_decision_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application_decision" add constraint "application_decision_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "application_decision" add constraint "application_decision_offer_category_id_foreign" foreign key ("offer_category_id") references "offer_category" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_decision_id_foreign" foreign key ("decision_id") references "application_decision" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice" add constraint "decision_notice_offer_category_id_foreign" foreign key ("offer_category_id") references "offer_category" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice_share" add constraint "decision_notice_share_notice_id_foreign" foreign key ("notice_id") references "decision_notice" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice_share" add constraint "decision_notice_share_social_area_id_foreign" foreign key ("social_area_id") references "social_area" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice_share" add constraint "decision_notice_share_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "decision_notice_share" add constraint "decision_notice_share_offer_category_id_foreign" foreign key ("offer_category_id") references "offer_category" ("id") on update cascade on delete restrict;`,
    );
  }
}
