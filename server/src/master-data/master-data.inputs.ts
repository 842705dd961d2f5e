import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FinancingKind } from './offer-category.entity.js';

/** A name must say something: 1 to 200 characters, not only spaces. */
function NameRules(label: string): PropertyDecorator {
  return (target, property) => {
    // Omitted in an update: the name stays; null is refused like an empty name.
    ValidateIf((input: Record<string | symbol, unknown>) => input[property] !== undefined)(target, property);
    IsString({ message: `${label} muss ein Text sein.` })(target, property);
    Length(1, 200, { message: `${label} muss 1 bis 200 Zeichen lang sein.` })(target, property);
    Matches(/\S/, { message: `${label} darf nicht leer sein.` })(target, property);
  };
}

/** Omitted: unchanged; null: stays or becomes empty. */
function OptionalText(label: string, max: number): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsString({ message: `${label} muss ein Text sein.` })(target, property);
    MaxLength(max, { message: `${label} darf höchstens ${max} Zeichen lang sein.` })(target, property);
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REVISION_MESSAGE = 'revision muss eine ganze Zahl ab 1 sein.';

/** Omitted: unchanged (an update); a boolean otherwise. */
function OptionalFlag(label: string): PropertyDecorator {
  return (target, property) => {
    ValidateIf((input: Record<string | symbol, unknown>) => input[property] !== undefined)(target, property);
    IsBoolean({ message: `${label} muss wahr oder falsch sein.` })(target, property);
  };
}

@InputType({ description: 'Ein neuer Sozialraum.' })
export class CreateSocialAreaInput {
  @Field(() => String)
  @NameRules('Der Name des Sozialraums')
  name!: string;

  /** The Regionalteam that decides for the area. */
  @Field(() => UUIDScalar, { nullable: true })
  regionalTeamId?: string | null;
}

@InputType({ description: 'Änderungen an einem Sozialraum; weggelassene Felder bleiben, wie sie sind.' })
export class UpdateSocialAreaInput {
  @Field(() => UUIDScalar)
  id!: string;

  /** The revision the change is based on. */
  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => String, { nullable: true })
  @NameRules('Der Name des Sozialraums')
  name?: string;

  /** null: the area belongs to no Regionalteam. */
  @Field(() => UUIDScalar, { nullable: true })
  regionalTeamId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @OptionalFlag('aktiv')
  active?: boolean;
}

@InputType({ description: 'Ein neues Regionalteam.' })
export class CreateRegionalTeamInput {
  @Field(() => String)
  @NameRules('Der Name des Regionalteams')
  name!: string;
}

@InputType({ description: 'Änderungen an einem Regionalteam; weggelassene Felder bleiben, wie sie sind.' })
export class UpdateRegionalTeamInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => String, { nullable: true })
  @NameRules('Der Name des Regionalteams')
  name?: string;

  @Field(() => Boolean, { nullable: true })
  @OptionalFlag('aktiv')
  active?: boolean;
}

/** Address and contact of a Träger: what its own staff may keep current. */
@InputType()
export class ProviderContactFields {
  @Field(() => String, { nullable: true })
  @OptionalText('Die Straße', 200)
  street?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'Die Postleitzahl muss aus fünf Ziffern bestehen.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Der Ort', 100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Der Name der Ansprechperson', 200)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320, { message: 'Die E-Mail-Adresse darf höchstens 320 Zeichen lang sein.' })
  @IsEmail({}, { message: 'Die E-Mail-Adresse ist ungültig.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()/-]{3,50}$/, {
    message:
      'Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten (höchstens 50 Zeichen).',
  })
  contactPhone?: string | null;
}

@InputType({ description: 'Ein neuer Träger.' })
export class CreateProviderInput extends ProviderContactFields {
  @Field(() => String)
  @NameRules('Der Name des Trägers')
  name!: string;
}

@InputType({
  description:
    'Änderungen an einem Träger; weggelassene Felder bleiben, wie sie sind. Name und aktiv ändert nur die Verwaltung.',
})
export class UpdateProviderInput extends ProviderContactFields {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => String, { nullable: true })
  @NameRules('Der Name des Trägers')
  name?: string;

  @Field(() => Boolean, { nullable: true })
  @OptionalFlag('aktiv')
  active?: boolean;
}

@InputType({ description: 'Eine neue Angebotsart.' })
export class CreateOfferCategoryInput {
  @Field(() => String)
  @NameRules('Der Name der Angebotsart')
  name!: string;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Beschreibung', 2000)
  description?: string | null;

  @Field(() => FinancingKind)
  @IsEnum(FinancingKind, { message: 'Die Finanzierungsart ist ungültig.' })
  financingKind!: FinancingKind;
}

@InputType({ description: 'Änderungen an einer Angebotsart; weggelassene Felder bleiben, wie sie sind.' })
export class UpdateOfferCategoryInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => String, { nullable: true })
  @NameRules('Der Name der Angebotsart')
  name?: string;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Beschreibung', 2000)
  description?: string | null;

  @Field(() => FinancingKind, { nullable: true })
  @ValidateIf((input: UpdateOfferCategoryInput) => input.financingKind !== undefined)
  @IsEnum(FinancingKind, { message: 'Die Finanzierungsart ist ungültig.' })
  financingKind?: FinancingKind;

  @Field(() => Boolean, { nullable: true })
  @OptionalFlag('aktiv')
  active?: boolean;
}

const YEAR_MESSAGE = 'Das Haushaltsjahr muss zwischen 2000 und 2100 liegen.';

@InputType({ description: 'Ein neues Haushaltsjahr; ohne Angaben vom 1. Januar bis 31. Dezember.' })
export class CreateBudgetYearInput {
  @Field(() => Int)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year!: number;

  /** ISO date; default: 1 January of `year`. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Der Beginn muss ein Datum wie 2027-01-01 sein.' })
  startsOn?: string | null;

  /** ISO date; default: 31 December of `year`. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Das Ende muss ein Datum wie 2027-12-31 sein.' })
  endsOn?: string | null;
}

@InputType({ description: 'Änderungen an einem Haushaltsjahr; weggelassene Felder bleiben, wie sie sind.' })
export class UpdateBudgetYearInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @IsInt({ message: REVISION_MESSAGE })
  @Min(1, { message: REVISION_MESSAGE })
  revision!: number;

  @Field(() => Int, { nullable: true })
  @ValidateIf((input: UpdateBudgetYearInput) => input.year !== undefined)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => String, { nullable: true })
  @ValidateIf((input: UpdateBudgetYearInput) => input.startsOn !== undefined)
  @Matches(ISO_DATE, { message: 'Der Beginn muss ein Datum wie 2027-01-01 sein.' })
  startsOn?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((input: UpdateBudgetYearInput) => input.endsOn !== undefined)
  @Matches(ISO_DATE, { message: 'Das Ende muss ein Datum wie 2027-12-31 sein.' })
  endsOn?: string;

  /** A closed year takes no new commitments and is left out of lists unless inactive ones are asked for. */
  @Field(() => Boolean, { nullable: true })
  @OptionalFlag('abgeschlossen')
  closed?: boolean;
}
