import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { Form } from '../forms/form.entity.js';
import { FormVersion } from '../forms/form-version.entity.js';

/**
 * A filled-in form, bound to the exact version it was filled in. Submissions are never changed;
 * their data is stored as the server validated and recomputed it.
 */
@ObjectType({ description: 'Ein abgesendetes Formular.' })
@Entity({ tableName: 'submission' })
@Index({ properties: ['form', 'createdAt'] })
export class Submission extends BaseEntity {
  // Both are checked by one composite foreign key (form_version_id, form_key) → form_version (see the
  // migration Migration20261126000000_submission_version_key), so the form is always the version's form.
  @ManyToOne(() => Form, { fieldName: 'form_key', createForeignKeyConstraint: false })
  form!: Form;

  @ManyToOne(() => FormVersion, { createForeignKeyConstraint: false })
  formVersion!: FormVersion;

  /** The data with derived values recomputed by the server (served by a field rule, see `submissionPolicy`). */
  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  /** Id the client generated for this fill; a retry with the same id returns this submission. */
  @Field(() => ID)
  @Property({ type: 'string', length: 100, unique: true })
  clientSubmissionId!: string;

  /** sha256 of the data as sent (canonical JSON): tells a retry from a different submission. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The provider organisation that submitted, when the caller is provider staff. */
  @Property({ type: 'string', length: 100, nullable: true })
  @Index()
  providerId?: string | null;
}

/**
 * A submission as the API serves it: the entity, or the row `submitForm` has just stored, which is not
 * loaded into the ORM (nothing would use its change tracking).
 */
export type SubmissionRecord = Omit<Submission, 'form' | 'formVersion'> & {
  form: Pick<Form, 'key'>;
  formVersion: Pick<FormVersion, 'id'>;
};
