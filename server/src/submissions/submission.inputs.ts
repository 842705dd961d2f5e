import { IsObject, Length, Matches } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import { FORM_KEY_PATTERN } from '../forms/form.inputs.js';
import { UUIDScalar } from '../common/uuid.scalar.js';

@ArgsType()
export class SubmitFormArgs {
  /** Key of the form, e.g. `cost-calculation`. */
  @Field(() => String)
  @Matches(FORM_KEY_PATTERN, { message: 'formKey ist kein gültiger Formularschlüssel.' })
  formKey!: string;

  /** The filled-in form; derived values in it are recomputed by the server. */
  @Field(() => GraphQLJSON)
  @IsObject({ message: 'Die Formulardaten müssen ein JSON-Objekt sein.' })
  data!: Record<string, unknown>;

  /** Made by the client once per fill, so a retry never stores a second submission. */
  @Field(() => ID)
  @Length(1, 100, { message: 'clientSubmissionId muss 1 bis 100 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'clientSubmissionId darf nicht leer sein.' })
  clientSubmissionId!: string;

  /** The version the client rendered; when given it must still be the one in force. */
  @Field(() => UUIDScalar, { nullable: true })
  formVersionId?: string | null;
}
