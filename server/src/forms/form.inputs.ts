import { Matches, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';

/** Form keys as in form-definitions/ file names: lower-case letters, digits and hyphens. */
export const FORM_KEY_PATTERN = /^[a-z][a-z0-9-]{1,98}$/;

@ArgsType()
export class CreateDraftArgs {
  @Field(() => String)
  @Matches(FORM_KEY_PATTERN, { message: 'formKey ist kein gültiger Formularschlüssel.' })
  formKey!: string;

  /** The version to copy; default: the version in force. */
  @Field(() => UUIDScalar, { nullable: true })
  fromVersionId?: string | null;
}

@ArgsType()
export class UpdateDraftArgs {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => GraphQLJSON)
  schema!: unknown;

  @Field(() => GraphQLJSON)
  uischema!: unknown;

  /** The revision the editor loaded; a save based on an older one is refused. */
  @Field(() => Int)
  @Min(1, { message: 'expectedRevision muss mindestens 1 sein.' })
  expectedRevision!: number;

  /** Omitted: unchanged. */
  @Field(() => String, { nullable: true, description: 'Titel; weggelassen: unverändert.' })
  title?: string | null;

  /** Omitted: unchanged; null or empty: no description. */
  @Field(() => String, { nullable: true, description: 'Beschreibung; weggelassen: unverändert.' })
  description?: string | null;

  /** Omitted: unchanged; null: cleared. */
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Beispieldaten; weggelassen: unverändert, null: entfernt.',
  })
  sampleData?: unknown;
}

@ArgsType()
export class CheckFormDefinitionArgs {
  @Field(() => String)
  @Matches(FORM_KEY_PATTERN, { message: 'formKey ist kein gültiger Formularschlüssel.' })
  formKey!: string;

  @Field(() => GraphQLJSON)
  schema!: unknown;

  @Field(() => GraphQLJSON)
  uischema!: unknown;
}

@ArgsType()
export class FormVersionDiffArgs {
  /** The older version. */
  @Field(() => UUIDScalar)
  fromId!: string;

  /** The newer version. */
  @Field(() => UUIDScalar)
  toId!: string;
}

@ArgsType()
export class ImportFormDefinitionArgs {
  @Field(() => UUIDScalar)
  draftId!: string;

  /** The revision the editor loaded; an import based on an older one is refused. */
  @Field(() => Int)
  @Min(1, { message: 'expectedRevision muss mindestens 1 sein.' })
  expectedRevision!: number;

  /** A form-definitions/ file or a `{ schema, uischema? }` pair. */
  @Field(() => GraphQLJSON)
  definition!: unknown;
}
