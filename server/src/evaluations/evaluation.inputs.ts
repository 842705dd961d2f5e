import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';

const REVISION_MESSAGE = 'revision muss eine ganze Zahl ab 1 sein.';

function Revision(): PropertyDecorator {
  return (target, property) => {
    IsInt({ message: REVISION_MESSAGE })(target, property);
    Min(1, { message: REVISION_MESSAGE })(target, property);
  };
}

@InputType({ description: 'Speichert den Entwurf einer Evaluation (ohne strenge Prüfung).' })
export class SaveEvaluationDraftInput {
  @Field(() => UUIDScalar)
  id!: string;

  /** The evaluation's revision (optimistic lock). */
  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => GraphQLJSON, { description: 'Die Daten des Evaluationsbogens.' })
  @IsObject({ message: 'Die Daten des Evaluationsbogens müssen ein JSON-Objekt sein.' })
  data!: Record<string, unknown>;
}

@InputType({
  description:
    'Reicht eine Evaluation ein (oder nach einer Änderungsanforderung erneut); ohne Daten: der gespeicherte Entwurf bzw. die Vorbelegung.',
})
export class SubmitEvaluationInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => GraphQLJSON, { nullable: true })
  @IsOptional()
  @IsObject({ message: 'Die Daten des Evaluationsbogens müssen ein JSON-Objekt sein.' })
  data?: Record<string, unknown> | null;
}

@InputType({ description: 'Nimmt eine eingereichte Evaluation an (Teamleitung des Sozialraums).' })
export class AcceptEvaluationInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;
}

@InputType({ description: 'Fordert Änderungen an einer eingereichten Evaluation an.' })
export class RequestEvaluationChangesInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => String, { description: 'Was geändert werden soll.' })
  @IsString({ message: 'Der Kommentar muss ein Text sein.' })
  @Length(1, 5000, { message: 'Der Kommentar muss 1 bis 5000 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Der Kommentar darf nicht leer sein.' })
  comment!: string;
}

@InputType({ description: 'Ein Ziel eines Angebots (wie in Anlage 1).' })
export class OfferGoalInput {
  @Field(() => String, { description: 'Ziel.' })
  @IsString({ message: 'Das Ziel muss ein Text sein.' })
  @Length(1, 1000, { message: 'Das Ziel muss 1 bis 1000 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Das Ziel darf nicht leer sein.' })
  goal!: string;

  @Field(() => String, { description: 'Indikator der Zielerreichung.' })
  @IsString({ message: 'Der Indikator muss ein Text sein.' })
  @Length(1, 1000, { message: 'Der Indikator muss 1 bis 1000 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Der Indikator darf nicht leer sein.' })
  indicator!: string;

  @Field(() => String, { description: 'Zielwert.' })
  @IsString({ message: 'Der Zielwert muss ein Text sein.' })
  @Length(1, 500, { message: 'Der Zielwert muss 1 bis 500 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Der Zielwert darf nicht leer sein.' })
  targetValue!: string;
}

@InputType({ description: 'Passt die Ziele eines laufenden Angebots an (Umsteuerung) und begründet es.' })
export class AdjustOfferGoalsInput {
  @Field(() => UUIDScalar)
  offerId!: string;

  /** The offer's revision (optimistic lock). */
  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => [OfferGoalInput], { description: 'Die neuen Ziele (1 bis 20).' })
  @ArrayMinSize(1, { message: 'Mindestens ein Ziel.' })
  @ArrayMaxSize(20, { message: 'Höchstens 20 Ziele.' })
  @ValidateNested({ each: true })
  goals!: OfferGoalInput[];

  @Field(() => String, { description: 'Begründung der Umsteuerung.' })
  @IsString({ message: 'Die Begründung muss ein Text sein.' })
  @Length(1, 5000, { message: 'Die Begründung muss 1 bis 5000 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Die Begründung darf nicht leer sein.' })
  reason!: string;
}
