import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000_forms } from './Migration20261124000000_forms.js';

/** Every committed migration, in order. Never edit one that has landed; add a new one. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124000000_forms', class: Migration20261124000000_forms },
];
