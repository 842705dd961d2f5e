import { Field, Int, ObjectType } from 'type-graphql';
import { MAX_FIELD_ERRORS } from '../../../form-logic/index.js';

@ObjectType({
  description: 'Ein Fehler an einem Feld; path ist ein JSON Pointer wie /materialCosts/0/quantity.',
})
export class FieldError {
  @Field(() => String)
  path!: string;

  @Field(() => String, { description: 'Deutsche Meldung für die Nutzerin.' })
  message!: string;
}

/** What every mutation that validates input answers: field errors (then nothing was stored) and their count. */
@ObjectType({ description: 'Gemeinsame Felder der Antworten von Mutationen, die Eingaben prüfen.' })
export abstract class FieldErrorsPayload {
  @Field(() => [FieldError], {
    description: `Höchstens ${MAX_FIELD_ERRORS} Feldfehler; leer, wenn gespeichert wurde.`,
  })
  errors!: FieldError[];

  @Field(() => Int, { description: 'Wie viele Feldfehler es insgesamt gab.' })
  errorCount!: number;
}
