import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000_forms } from './Migration20261124000000_forms.js';
import { Migration20261126000000_submission_version_key } from './Migration20261126000000_submission_version_key.js';
import { Migration20261127000000_who_is_asking } from './Migration20261127000000_who_is_asking.js';
import { Migration20261128000000_needs } from './Migration20261128000000_needs.js';
import { Migration20261129000000_applications } from './Migration20261129000000_applications.js';
import { Migration20261130000000_scoring } from './Migration20261130000000_scoring.js';
import { Migration20261201000000_offers } from './Migration20261201000000_offers.js';
import { Migration20261201100000_decisions_notices } from './Migration20261201100000_decisions_notices.js';
import { Migration20261201200000_evaluations } from './Migration20261201200000_evaluations.js';

import { Migration20261201300000_notifications } from './Migration20261201300000_notifications.js';
import { Migration20261202000000_need_considered_offers } from './Migration20261202000000_need_considered_offers.js';
import { Migration20261203000000_form_admin } from './Migration20261203000000_form_admin.js';
import { Migration20261204000000_ledger } from './Migration20261204000000_ledger.js';
import { Migration20261205000000_reports } from './Migration20261205000000_reports.js';
import { Migration20261205000001_report_indexes } from './Migration20261205000001_report_indexes.js';
import { Migration20261206000000_allocations_into_ledger } from './Migration20261206000000_allocations_into_ledger.js';
import { Migration20261207000001_offer_report_paging } from './Migration20261207000001_offer_report_paging.js';
import { Migration20261207000002_ledger_month_totals } from './Migration20261207000002_ledger_month_totals.js';
import { Migration20261207100000_report_year_ranges } from './Migration20261207100000_report_year_ranges.js';
/** Every committed migration, in order. Never edit one that has landed; add a new one. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124000000_forms', class: Migration20261124000000_forms },
  {
    name: 'Migration20261126000000_submission_version_key',
    class: Migration20261126000000_submission_version_key,
  },
  { name: 'Migration20261127000000_who_is_asking', class: Migration20261127000000_who_is_asking },
  { name: 'Migration20261128000000_needs', class: Migration20261128000000_needs },
  { name: 'Migration20261129000000_applications', class: Migration20261129000000_applications },
  { name: 'Migration20261130000000_scoring', class: Migration20261130000000_scoring },
  { name: 'Migration20261201000000_offers', class: Migration20261201000000_offers },
  {
    name: 'Migration20261201100000_decisions_notices',
    class: Migration20261201100000_decisions_notices,
  },
  { name: 'Migration20261201200000_evaluations', class: Migration20261201200000_evaluations },
  { name: 'Migration20261201300000_notifications', class: Migration20261201300000_notifications },
  {
    name: 'Migration20261202000000_need_considered_offers',
    class: Migration20261202000000_need_considered_offers,
  },
  { name: 'Migration20261203000000_form_admin', class: Migration20261203000000_form_admin },
  { name: 'Migration20261204000000_ledger', class: Migration20261204000000_ledger },
  { name: 'Migration20261205000000_reports', class: Migration20261205000000_reports },
  { name: 'Migration20261205000001_report_indexes', class: Migration20261205000001_report_indexes },
  {
    name: 'Migration20261206000000_allocations_into_ledger',
    class: Migration20261206000000_allocations_into_ledger,
  },
  { name: 'Migration20261207000001_offer_report_paging', class: Migration20261207000001_offer_report_paging },
  { name: 'Migration20261207000002_ledger_month_totals', class: Migration20261207000002_ledger_month_totals },
  { name: 'Migration20261207100000_report_year_ranges', class: Migration20261207100000_report_year_ranges },
];
