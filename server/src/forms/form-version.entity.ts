import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Form } from './form.entity.js';

export enum FormVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(FormVersionStatus, {
  name: 'FormVersionStatus',
  description: 'DRAFT: in Bearbeitung; PUBLISHED: in Kraft; ARCHIVED: abgelöst.',
});

/** Where a version came from: a file in form-definitions/ or an edit in the browser. */
export enum FormVersionSource {
  FILE = 'FILE',
  EDITOR = 'EDITOR',
}
registerEnumType(FormVersionSource, {
  name: 'FormVersionSource',
  description: 'FILE: aus form-definitions/ geladen; EDITOR: in der Administration bearbeitet.',
});

/**
 * One version of a form: JSON Schema, UI schema and sample data. A version that was published never
 * changes again (a database trigger enforces this too); submissions point at the version they were
 * filled in. The JSON columns are lazy: lists never select them, and the API serves them from
 * `FormVersionCache`.
 */
@ObjectType({ description: 'Eine Fassung eines Formulars.' })
@Entity({ tableName: 'form_version' })
@Unique({ properties: ['form', 'number'] })
// Target of the submissions' composite foreign key: a submission names a version together with its form.
@Unique({ name: 'form_version_id_form_key_unique', properties: ['id', 'form'] })
@Index({ properties: ['form', 'contentHash'] })
// At most one version in force and one draft per form.
@Unique({
  name: 'form_version_one_published',
  expression: `create unique index "form_version_one_published" on "form_version" ("form_key") where "status" = 'PUBLISHED'`,
})
@Unique({
  name: 'form_version_one_draft',
  expression: `create unique index "form_version_one_draft" on "form_version" ("form_key") where "status" = 'DRAFT'`,
})
export class FormVersion extends BaseEntity {
  @ManyToOne(() => Form, { fieldName: 'form_key', deleteRule: 'restrict' })
  form!: Form;

  /** 1, 2, 3, ... per form. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => FormVersionStatus)
  @Enum({ items: () => FormVersionStatus, nativeEnumName: 'form_version_status' })
  status: FormVersionStatus & Opt = FormVersionStatus.DRAFT;

  @Field(() => FormVersionSource)
  @Enum({ items: () => FormVersionSource, nativeEnumName: 'form_version_source' })
  source: FormVersionSource & Opt = FormVersionSource.EDITOR;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /**
   * JSON Schema of the data, including `x-derived` expressions. Stored as `json`, not `jsonb`: jsonb
   * reorders keys, and property order is meaningful (rendering order, order of derived fields).
   */
  @Property({ type: 'json', columnType: 'json', lazy: true })
  schema!: Record<string, unknown>;

  /** JSON Forms UI schema. */
  @Property({ type: 'json', columnType: 'json', lazy: true })
  uischema!: Record<string, unknown>;

  /** Example data that fills the form completely (demo and tests). */
  @Property({ type: 'json', columnType: 'json', nullable: true, lazy: true })
  sampleData?: Record<string, unknown> | null;

  /** sha256 of title, description, schema, uischema and sample data in canonical JSON. */
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** Optimistic lock for drafts: every save increments it; a save naming an older revision conflicts. */
  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  publishedBy?: string | null;

  /** Display name of the author; null for versions loaded from form-definitions/ files. */
  @Field(() => String, { nullable: true, description: 'Wer die Fassung angelegt hat.' })
  @Property({ type: 'string', length: 200, nullable: true })
  createdByName?: string | null;

  /** Display name of whoever put the version in force. */
  @Field(() => String, { nullable: true, description: 'Wer die Fassung in Kraft gesetzt hat.' })
  @Property({ type: 'string', length: 200, nullable: true })
  publishedByName?: string | null;

  /** When the version was set aside (a draft) or superseded (the version in force before). */
  @Field(() => Date, { nullable: true, description: 'Wann die Fassung archiviert wurde.' })
  @Property({ type: 'datetime', nullable: true })
  archivedAt?: Date | null;
}
