import { Entity, Enum, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** How an offer is paid from the Sozialraumbudget (see GLOSSARY.md). */
export enum FinancingKind {
  /** Entgeltfinanziert: Fachleistungsstunden at the agreed rate (§§ 77 SGB VIII). */
  FEE = 'FEE',
  /** Kreiszuschuss (§ 74 SGB VIII). */
  GRANT = 'GRANT',
}
registerEnumType(FinancingKind, {
  name: 'FinancingKind',
  description: 'FEE: Fachleistungsstunden (§ 77 SGB VIII); GRANT: Kreiszuschuss (§ 74 SGB VIII).',
});

/** A category of offers, mapped to its financing kind: configuration, not code. */
@ObjectType({ description: 'Eine Angebotsart mit ihrer Finanzierungsart.' })
@Entity({ tableName: 'offer_category' })
export class OfferCategory extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => FinancingKind)
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind' })
  financingKind!: FinancingKind;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}
