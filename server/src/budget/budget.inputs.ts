import { IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';

const CENTS_MESSAGE = 'Beträge werden in ganzen Cent angegeben.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Reason(): PropertyDecorator {
  return (target, property) => {
    IsString({ message: 'Der Grund muss ein Text sein.' })(target, property);
    Length(1, 2000, { message: 'Der Grund ist erforderlich (höchstens 2000 Zeichen).' })(target, property);
    Matches(/\S/, { message: 'Der Grund ist erforderlich.' })(target, property);
  };
}

function PositiveCents(): PropertyDecorator {
  return (target, property) => {
    IsInt({ message: CENTS_MESSAGE })(target, property);
    Min(1, { message: 'Der Betrag muss größer als 0 sein.' })(target, property);
    Max(Number.MAX_SAFE_INTEGER, { message: 'Der Betrag ist zu groß.' })(target, property);
  };
}

@InputType({
  description: 'Ändert das Sozialraumbudget eines Haushaltsjahres (neuer Gesamtbetrag, mit Grund).',
})
export class ChangeBudgetAllocationInput {
  @Field(() => UUIDScalar)
  socialAreaId!: string;

  @Field(() => Int, { description: 'Haushaltsjahr (muss als Haushaltsjahr angelegt sein).' })
  @IsInt({ message: 'Das Haushaltsjahr muss eine ganze Zahl sein.' })
  @Min(2000, { message: 'Das Haushaltsjahr ist ungültig.' })
  @Max(2200, { message: 'Das Haushaltsjahr ist ungültig.' })
  year!: number;

  @Field(() => Float, { description: 'Die neue Zuweisung insgesamt in Cent.' })
  @IsInt({ message: CENTS_MESSAGE })
  @Min(0, { message: 'Die Zuweisung darf nicht negativ sein.' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'Der Betrag ist zu groß.' })
  amount!: number;

  @Field(() => String, { description: 'Grund der Änderung (erforderlich).' })
  @Reason()
  reason!: string;
}

@InputType({ description: 'Auszahlung nach § 77 SGB VIII: geleistete Fachleistungsstunden eines Zeitraums.' })
export class RecordFeePaymentInput {
  @Field(() => UUIDScalar)
  offerId!: string;

  @Field(() => String, { description: 'Beginn des bezahlten Zeitraums (ISO-Datum).' })
  @Matches(ISO_DATE, { message: 'Der Beginn muss ein Datum wie 2027-01-01 sein.' })
  periodFrom!: string;

  @Field(() => String, { description: 'Ende des bezahlten Zeitraums (ISO-Datum).' })
  @Matches(ISO_DATE, { message: 'Das Ende muss ein Datum wie 2027-03-31 sein.' })
  periodTo!: string;

  @Field(() => Float, { description: 'Geleistete Fachleistungsstunden (höchstens zwei Nachkommastellen).' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Die Stunden haben höchstens zwei Nachkommastellen.' })
  @Min(0.01, { message: 'Die Stunden müssen größer als 0 sein.' })
  @Max(99_999_999, { message: 'Zu viele Stunden.' })
  hours!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Buchungstag (ISO-Datum); weggelassen: das Ende des Zeitraums. Sein Jahr ist das Haushaltsjahr.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Der Buchungstag muss ein Datum wie 2027-04-15 sein.' })
  bookedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Vermerk.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000, { message: 'Der Vermerk hat höchstens 2000 Zeichen.' })
  note?: string | null;
}

@InputType({ description: 'Auszahlung einer Rate nach § 74 SGB VIII.' })
export class RecordGrantPaymentInput {
  @Field(() => UUIDScalar)
  offerId!: string;

  @Field(() => Float, { description: 'Betrag der Rate in Cent.' })
  @PositiveCents()
  amount!: number;

  @Field(() => String, { description: 'Buchungstag (ISO-Datum); sein Jahr ist das Haushaltsjahr.' })
  @Matches(ISO_DATE, { message: 'Der Buchungstag muss ein Datum wie 2027-04-15 sein.' })
  bookedOn!: string;

  @Field(() => String, { nullable: true, description: 'Vermerk, z. B. „1. Rate“.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000, { message: 'Der Vermerk hat höchstens 2000 Zeichen.' })
  note?: string | null;
}

@InputType({ description: 'Hebt einen Teil der Bindung eines Angebots auf bzw. bucht eine Rückzahlung.' })
export class OfferAmountWithReasonInput {
  @Field(() => UUIDScalar)
  offerId!: string;

  @Field(() => Float, { description: 'Betrag in Cent.' })
  @PositiveCents()
  amount!: number;

  @Field(() => String, { description: 'Grund (erforderlich).' })
  @Reason()
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Buchungstag (ISO-Datum); weggelassen: heute. Bei Rückzahlungen ist sein Jahr das Haushaltsjahr.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Der Buchungstag muss ein Datum wie 2027-04-15 sein.' })
  bookedOn?: string | null;
}

@InputType({ description: 'Korrigiert eine Buchung durch die genaue Gegenbuchung.' })
export class CorrectLedgerEntryInput {
  @Field(() => UUIDScalar)
  entryId!: string;

  @Field(() => String, { description: 'Grund der Korrektur (erforderlich).' })
  @Reason()
  reason!: string;
}
