import { IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';

const REVISION_MESSAGE = 'revision muss eine ganze Zahl ab 1 sein.';
const CENTS_MESSAGE = 'Beträge werden in ganzen Cent angegeben.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Justification(): PropertyDecorator {
  return (target, property) => {
    IsString({ message: 'Die Begründung muss ein Text sein.' })(target, property);
    Length(1, 5000, { message: 'Die Begründung ist erforderlich (höchstens 5000 Zeichen).' })(
      target,
      property,
    );
    Matches(/\S/, { message: 'Die Begründung ist erforderlich.' })(target, property);
  };
}

@InputType({ description: 'Bewilligt eine eingereichte Interessensbekundung (Regionalteam).' })
export class ApproveApplicationInput {
  @Field(() => UUIDScalar)
  applicationId!: string;

  /** The application's revision (optimistic lock). */
  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => Float, { description: 'Bewilligter Betrag in Cent (höchstens der beantragte Betrag).' })
  @IsInt({ message: CENTS_MESSAGE })
  @Min(1, { message: 'Der bewilligte Betrag muss größer als 0 sein.' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'Der Betrag ist zu groß.' })
  amount!: number;

  @Field(() => String, { description: 'Beginn des Bewilligungszeitraums (ISO-Datum, z. B. 2027-01-01).' })
  @Matches(ISO_DATE, { message: 'Der Beginn muss ein Datum wie 2027-01-01 sein.' })
  periodStart!: string;

  @Field(() => String, { description: 'Ende des Bewilligungszeitraums (ISO-Datum).' })
  @Matches(ISO_DATE, { message: 'Das Ende muss ein Datum wie 2027-12-31 sein.' })
  periodEnd!: string;

  @Field(() => FinancingKind, {
    nullable: true,
    description: 'Finanzierungsart; weggelassen: die der Angebotskategorie des Aufrufs.',
  })
  @IsOptional()
  financingKind?: FinancingKind | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Nur § 77: Fachleistungsstunden (höchstens zwei Nachkommastellen).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Die Stunden haben höchstens zwei Nachkommastellen.' })
  @Min(0.01, { message: 'Die Stunden müssen größer als 0 sein.' })
  @Max(99_999_999, { message: 'Zu viele Stunden.' })
  feeHours?: number | null;

  @Field(() => Float, { nullable: true, description: 'Nur § 77: Stundensatz in Cent.' })
  @IsOptional()
  @IsInt({ message: CENTS_MESSAGE })
  @Min(1, { message: 'Der Stundensatz muss größer als 0 sein.' })
  @Max(100_000_000, { message: 'Der Stundensatz ist zu groß.' })
  hourlyRate?: number | null;

  @Field(() => String, { description: 'Begründung (erforderlich).' })
  @Justification()
  justification!: string;
}

@InputType({ description: 'Lehnt eine eingereichte Interessensbekundung ab (Regionalteam).' })
export class RejectApplicationInput {
  @Field(() => UUIDScalar)
  applicationId!: string;

  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => String, { description: 'Begründung (erforderlich).' })
  @Justification()
  justification!: string;
}
