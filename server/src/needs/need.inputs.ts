import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { BodyInvolvementKind } from './need.entity.js';

const REVISION_MESSAGE = 'revision muss eine ganze Zahl ab 1 sein.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text that must say something: 1 to `max` characters, not only spaces; omitted in an update: unchanged. */
function RequiredText(label: string, max: number): PropertyDecorator {
  return (target, property) => {
    ValidateIf((input: Record<string | symbol, unknown>) => input[property] !== undefined)(target, property);
    IsString({ message: `${label} muss ein Text sein.` })(target, property);
    Length(1, max, { message: `${label} muss 1 bis ${max} Zeichen lang sein.` })(target, property);
    Matches(/\S/, { message: `${label} darf nicht leer sein.` })(target, property);
  };
}

/** Omitted: unchanged; null or empty: cleared. */
function OptionalText(label: string, max: number): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsString({ message: `${label} muss ein Text sein.` })(target, property);
    MaxLength(max, { message: `${label} darf höchstens ${max} Zeichen lang sein.` })(target, property);
  };
}

function Revision(): PropertyDecorator {
  return (target, property) => {
    IsInt({ message: REVISION_MESSAGE })(target, property);
    Min(1, { message: REVISION_MESSAGE })(target, property);
  };
}

@InputType({ description: 'Ein neuer Bedarf (Schritt 1).' })
export class RecordNeedInput {
  /** The Sozialraum; must be null when `countyWide`. */
  @Field(() => UUIDScalar, { nullable: true })
  socialAreaId?: string | null;

  @Field(() => Boolean, { description: 'Kreisweit statt für einen Sozialraum.' })
  @IsBoolean({ message: 'kreisweit muss wahr oder falsch sein.' })
  countyWide!: boolean;

  @Field(() => String)
  @RequiredText('Die Kurzbezeichnung', 200)
  title!: string;

  @Field(() => String)
  @RequiredText('Die Situationsbeschreibung', 20000)
  situationDescription!: string;
}

@InputType({
  description:
    'Änderungen an einem Bedarf; weggelassene Felder bleiben. Kontakte, Förderprogramme und Begründung (Schritte 4 und 6) erst, wenn ein Angebot geplant ist.',
})
export class UpdateNeedInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => String, { nullable: true })
  @RequiredText('Die Kurzbezeichnung', 200)
  title?: string;

  @Field(() => String, { nullable: true })
  @RequiredText('Die Situationsbeschreibung', 20000)
  situationDescription?: string;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Notiz zur Kontaktaufnahme mit FD 51', 5000)
  contactYouthOffice?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Notiz zur Kontaktaufnahme mit freien Trägern', 5000)
  contactProviders?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Die geprüften Förderprogramme', 5000)
  fundingProgrammes?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Die fachliche Begründung', 20000)
  professionalJustification?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Abwägung gegen die Ressourcen', 20000)
  resourcesWeighed?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText('Die Entwicklung ohne das Angebot', 20000)
  developmentWithoutOffer?: string | null;
}

@InputType({
  description: 'Entscheidung 1: Kann der Bedarf mit den Ressourcen im Sozialraum gedeckt werden?',
})
export class DecideNeedResourcesInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => Boolean, { description: 'true: mit den Ressourcen im Sozialraum gedeckt.' })
  @IsBoolean({ message: 'Die Entscheidung muss ja oder nein sein.' })
  covered!: boolean;

  @Field(() => String)
  @RequiredText('Die Begründung', 20000)
  justification!: string;

  @Field(() => String, { nullable: true, description: 'Betrachtete bestehende Angebote (Freitext).' })
  @OptionalText('Die betrachteten Angebote', 5000)
  consideredOffers?: string | null;

  @Field(() => [UUIDScalar], { nullable: true, description: 'Betrachtete Träger.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'Höchstens 50 Träger.' })
  consideredProviderIds?: string[] | null;

  @Field(() => [UUIDScalar], {
    nullable: true,
    description: 'Betrachtete laufende Angebote (höchstens 50; doppelte zählen einmal).',
  })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'Höchstens 50 Angebote.' })
  consideredOfferIds?: string[] | null;
}

@InputType({ description: 'Entscheidung 2: Soll der Bedarf durch ein Angebot gedeckt werden?' })
export class DecideNeedOfferInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => Boolean, { description: 'true: durch ein Angebot decken; false: kein Leistungsangebot.' })
  @IsBoolean({ message: 'Die Entscheidung muss ja oder nein sein.' })
  offer!: boolean;

  @Field(() => String)
  @RequiredText('Die Begründung', 20000)
  justification!: string;
}

@InputType({ description: 'Die Beteiligung eines Gremiums (Schritt 5).' })
export class RecordNeedBodyInvolvementInput {
  @Field(() => UUIDScalar)
  needId!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => UUIDScalar)
  bodyId!: string;

  @Field(() => BodyInvolvementKind)
  @IsEnum(BodyInvolvementKind, { message: 'Die Beteiligungsart ist ungültig.' })
  involvement!: BodyInvolvementKind;

  @Field(() => String, { description: 'Datum, z. B. 2026-11-20.' })
  @Matches(ISO_DATE, { message: 'Das Datum muss wie 2026-11-20 geschrieben sein.' })
  date!: string;

  @Field(() => String)
  @RequiredText('Das Ergebnis', 5000)
  outcome!: string;
}

@InputType({ description: 'Die neue Reihenfolge der offenen Bedarfe eines Sozialraums (Schritt 7).' })
export class PrioritiseNeedsInput {
  /** null: the county-wide needs. */
  @Field(() => UUIDScalar, { nullable: true })
  socialAreaId?: string | null;

  @Field(() => [UUIDScalar], { description: 'Alle offenen Bedarfe, der wichtigste zuerst.' })
  @ArrayMinSize(1, { message: 'Mindestens ein Bedarf.' })
  @ArrayMaxSize(500, { message: 'Höchstens 500 Bedarfe.' })
  needIds!: string[];

  @Field(() => String, { nullable: true })
  @OptionalText('Die Begründung', 5000)
  justification?: string | null;
}

@InputType({ description: 'Ein neues Gremium.' })
export class CreateBodyInput {
  @Field(() => String)
  @RequiredText('Der Name des Gremiums', 200)
  name!: string;
}

@InputType({ description: 'Änderungen an einem Gremium; weggelassene Felder bleiben.' })
export class UpdateBodyInput {
  @Field(() => UUIDScalar)
  id!: string;

  @Field(() => Int)
  @Revision()
  revision!: number;

  @Field(() => String, { nullable: true })
  @RequiredText('Der Name des Gremiums', 200)
  name?: string;

  @Field(() => Boolean, { nullable: true })
  @ValidateIf((input: UpdateBodyInput) => input.active !== undefined)
  @IsBoolean({ message: 'aktiv muss wahr oder falsch sein.' })
  active?: boolean;
}
