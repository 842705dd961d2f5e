import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';

/** Where a report version came from: a file in reports/ at start, or the report editor. */
export enum ReportDefinitionSource {
  FILE = 'FILE',
  EDITOR = 'EDITOR',
}

/** One version of a report definition; the highest version of a key is in force. Never changed. */
@Entity({ tableName: 'report_definition_version' })
@Unique({ properties: ['key', 'version'] })
@Index({ properties: ['key', 'contentHash'] })
export class ReportDefinitionVersion extends BaseEntity {
  /** Who saved it, as shown in the version list. */
  @Property({ type: 'string', length: 200 })
  createdByName!: string;

  @Property({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'integer' })
  version!: number;

  /** The checked definition (reports/<key>.json format). */
  @Property({ type: 'json' })
  definition!: Record<string, unknown>;

  /** sha256 of the definition in canonical JSON: a file already stored is not stored again. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Enum({ items: () => ReportDefinitionSource, nativeEnumName: 'report_definition_source' })
  source!: ReportDefinitionSource;
}
