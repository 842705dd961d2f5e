import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OfferState } from '../../../process-logic/index.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';

/** Most offers one page of the overview holds. */
export const MAX_OFFER_PAGE_SIZE = 200;

/** The columns the Angebotsübersicht sorts by. */
export enum OfferSortField {
  TITLE = 'TITLE',
  SOCIAL_AREA = 'SOCIAL_AREA',
  PROVIDER = 'PROVIDER',
  OFFER_CATEGORY = 'OFFER_CATEGORY',
  FINANCING_KIND = 'FINANCING_KIND',
  STATE = 'STATE',
  APPROVED_AMOUNT = 'APPROVED_AMOUNT',
  PERIOD_START = 'PERIOD_START',
  PERIOD_END = 'PERIOD_END',
  NEXT_EVALUATION_DUE = 'NEXT_EVALUATION_DUE',
}
registerEnumType(OfferSortField, {
  name: 'OfferSortField',
  description:
    'Sortierspalte der Angebotsübersicht: Titel, Sozialraum, Träger, Angebotsart, Finanzierungsart, Status, bewilligter Betrag, Beginn, Ende, nächste Evaluation.',
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'ASC aufsteigend; DESC absteigend.' });

@InputType({ description: 'Filter der Angebotsübersicht; weggelassene Felder filtern nicht.' })
export class OfferFilter {
  /** One Sozialraum. */
  @Field(() => UUIDScalar, { nullable: true, description: 'Nur Angebote dieses Sozialraums.' })
  socialAreaId?: string | null;

  /** true: only county-wide offers; false: only those of a Sozialraum. */
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: nur kreisweite Angebote; false: nur die von Sozialräumen.',
  })
  @IsOptional()
  countyWide?: boolean | null;

  /** The Sozialräume of one Regionalteam. */
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'Nur Angebote der Sozialräume dieses Regionalteams.',
  })
  regionalTeamId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'Nur Angebote dieses Trägers.' })
  providerId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'Nur Angebote dieser Angebotsart.' })
  offerCategoryId?: string | null;

  @Field(() => FinancingKind, { nullable: true })
  @IsOptional()
  financingKind?: FinancingKind | null;

  @Field(() => [OfferState], { nullable: true, description: 'Nur Angebote in diesen Zuständen.' })
  @IsOptional()
  states?: OfferState[] | null;
}

@InputType({ description: 'Sortierung der Angebotsübersicht (bei Gleichstand nach Titel).' })
export class OfferSort {
  @Field(() => OfferSortField)
  field!: OfferSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class OfferPageArgs {
  @Field(() => Int, {
    defaultValue: 50,
    description: `Angebote je Seite (1 bis ${MAX_OFFER_PAGE_SIZE}).`,
  })
  @Min(1, { message: `limit muss zwischen 1 und ${MAX_OFFER_PAGE_SIZE} liegen.` })
  @Max(MAX_OFFER_PAGE_SIZE, { message: `limit muss zwischen 1 und ${MAX_OFFER_PAGE_SIZE} liegen.` })
  limit!: number;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Wie viele Angebote vor dieser Seite übersprungen werden.',
  })
  @Min(0, { message: 'offset darf nicht negativ sein.' })
  offset!: number;
}
