import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
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

function OptionalFormData(label: string): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsObject({ message: `${label} müssen ein JSON-Objekt sein.` })(target, property);
  };
}

@InputType({
  description:
    'Eröffnet die Interessensbekundung zu einem Bedarf (Zustand „Angebot geplant“): Frist, Träger, Kategorie.',
})
export class OpenCallForInterestInput {
  @Field(() => UUIDScalar)
  needId!: string;

  /** The need's revision (optimistic lock). */
  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => String, { nullable: true, description: 'Überschrift; weggelassen: die des Bedarfs.' })
  @IsOptional()
  @IsString({ message: 'Die Überschrift muss ein Text sein.' })
  @Length(1, 200, { message: 'Die Überschrift muss 1 bis 200 Zeichen lang sein.' })
  @Matches(/\S/, { message: 'Die Überschrift darf nicht leer sein.' })
  title?: string | null;

  @Field(() => Date, { description: 'Frist (Datum und Uhrzeit, in der Zukunft).' })
  @IsDate({ message: 'Die Frist muss ein Zeitpunkt sein.' })
  deadline!: Date;

  @Field(() => Boolean, { description: 'Offen für alle Träger; sonst nur für invitedProviderIds.' })
  @IsBoolean({ message: 'openToAll muss wahr oder falsch sein.' })
  openToAll!: boolean;

  @Field(() => [UUIDScalar], {
    nullable: true,
    description: 'Eingeladene Träger (wenn nicht offen für alle).',
  })
  @IsOptional()
  @ArrayMaxSize(200, { message: 'Höchstens 200 Träger.' })
  invitedProviderIds?: string[] | null;

  @Field(() => UUIDScalar, { description: 'Angebotskategorie (bestimmt die Finanzierungsart).' })
  offerCategoryId!: string;
}

@InputType({ description: 'Schließt die Interessensbekundung zu einem Bedarf.' })
export class CloseCallForInterestInput {
  @Field(() => UUIDScalar)
  needId!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;
}

@InputType({
  description:
    'Legt eine Interessensbekundung zu einem offenen Aufruf an (Anlage 1 und 2 in den geltenden Fassungen).',
})
export class CreateApplicationInput {
  @Field(() => UUIDScalar)
  callId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Anfangsdaten der Anlage 1 (Entwurf).' })
  @OptionalFormData('Die Daten der Anlage 1')
  offerDescriptionData?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Anfangsdaten der Anlage 2 (Entwurf).' })
  @OptionalFormData('Die Daten der Anlage 2')
  costCalculationData?: Record<string, unknown> | null;
}

@InputType({
  description:
    'Speichert den Entwurf einer Interessensbekundung; weggelassene Anlagen bleiben, wie sie sind.',
})
export class SaveApplicationDraftInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => GraphQLJSON, { nullable: true })
  @OptionalFormData('Die Daten der Anlage 1')
  offerDescriptionData?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @OptionalFormData('Die Daten der Anlage 2')
  costCalculationData?: Record<string, unknown> | null;
}

@InputType({
  description:
    'Reicht eine Interessensbekundung ein (oder nach einer Änderungsanforderung erneut); mit Daten: vorher speichern.',
})
export class SubmitApplicationInput extends SaveApplicationDraftInput {}

@InputType({ description: 'Fordert Änderungen an einer eingereichten Interessensbekundung an.' })
export class RequestApplicationChangesInput {
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

@InputType({ description: 'Zieht eine Interessensbekundung zurück.' })
export class WithdrawApplicationInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => String, { nullable: true, description: 'Begründung (freiwillig).' })
  @IsOptional()
  @IsString({ message: 'Die Begründung muss ein Text sein.' })
  @MaxLength(5000, { message: 'Die Begründung darf höchstens 5000 Zeichen lang sein.' })
  justification?: string | null;
}
