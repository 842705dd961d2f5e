import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller, Role } from '../common/context.js';
import { BadUserInput, Forbidden } from '../common/errors.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Offer } from '../offers/offer.entity.js';
import { offerScopeOf } from '../offers/offer.policy.js';
import {
  ChangeBudgetAllocationInput,
  CorrectLedgerEntryInput,
  OfferAmountWithReasonInput,
  RecordFeePaymentInput,
  RecordGrantPaymentInput,
} from './budget.inputs.js';
import { budgetPolicy, offerFundsPolicy } from './budget.policy.js';
import { LedgerEntry, LedgerEntryKind } from './ledger-entry.entity.js';
import { type AreaFigures, figuresOfYear, noFigures, offerFunds } from './ledger-figures.js';
import {
  cancelCommitment,
  changeBudgetAllocation,
  correctLedgerEntry,
  recordFeePayment,
  recordGrantPayment,
  recordRepayment,
} from './ledger.service.js';

@ObjectType({ description: 'Die Zahlen eines Sozialraums (oder kreisweit) in einem Haushaltsjahr, in Cent.' })
export class BudgetAreaFigures {
  @Field(() => UUIDScalar, { nullable: true, description: 'Leer: kreisweit (keinem Sozialraum zugeordnet).' })
  socialAreaId!: string | null;

  @Field(() => String, { description: 'Name des Sozialraums bzw. „kreisweit“.' })
  socialAreaName!: string;

  @Field(() => String, { nullable: true, description: 'Regionalteam des Sozialraums.' })
  regionalTeamName!: string | null;

  @Field(() => Float, { description: 'Zugewiesen (Sozialraumbudget).' })
  allocated!: number;

  @Field(() => Float, { description: 'Gebunden durch Bescheide (abzüglich Aufhebungen).' })
  committed!: number;

  @Field(() => Float, { description: 'Davon § 74 SGB VIII.' })
  committedGrant!: number;

  @Field(() => Float, { description: 'Davon § 77 SGB VIII.' })
  committedFee!: number;

  @Field(() => Float, { description: 'Ausgezahlt (abzüglich Rückzahlungen).' })
  paid!: number;

  @Field(() => Float, { description: 'Davon § 74 SGB VIII.' })
  paidGrant!: number;

  @Field(() => Float, { description: 'Davon § 77 SGB VIII.' })
  paidFee!: number;

  @Field(() => Float, { description: 'Verfügbar: zugewiesen − gebunden.' })
  remaining!: number;
}

@ObjectType({ description: 'Das Sozialraumbudget eines Haushaltsjahres.' })
export class BudgetOverview {
  @Field(() => Int)
  year!: number;

  @Field(() => [BudgetAreaFigures], { description: 'Je Sozialraum in der Sicht der angemeldeten Person.' })
  areas!: BudgetAreaFigures[];

  @Field(() => BudgetAreaFigures, {
    nullable: true,
    description:
      'Kreisweite Bindungen und Auszahlungen (keinem Sozialraumbudget zugeordnet); nur Finanzen, Gremium, Administration.',
  })
  countyWide!: BudgetAreaFigures | null;

  @Field(() => [LedgerEntry], {
    description: 'Die Zuweisungsbuchungen des Jahres (Verlauf, neueste zuerst).',
  })
  allocations!: LedgerEntry[];

  @Field(() => Boolean, { description: 'Ob die angemeldete Person das Sozialraumbudget ändern darf.' })
  viewerCanAllocate!: boolean;
}

@ObjectType({
  description: 'Die Mittel eines Angebots: Bindungen, Auszahlungen, Aufhebungen, Rückzahlungen.',
})
export class OfferFundsView {
  @Field(() => Float, { description: 'Gebunden (Cent).' })
  committed!: number;

  @Field(() => Float, { description: 'Ausgezahlt (Cent).' })
  paid!: number;

  @Field(() => Float, { description: 'Gebunden, aber noch nicht ausgezahlt (Cent).' })
  open!: number;

  @Field(() => [LedgerEntry], { description: 'Die Buchungen des Angebots, älteste zuerst.' })
  entries!: LedgerEntry[];

  @Field(() => Boolean, { description: 'Ob die angemeldete Person auf das Angebot buchen darf (Finanzen).' })
  viewerCanBook!: boolean;
}

const ALL_AREAS_ROLES: readonly Role[] = [Role.ADMIN, Role.FINANCE, Role.COMMITTEE];

/** The Sozialraumbudget, the ledger of an offer and the bookings. */
@Resolver(() => LedgerEntry)
export class BudgetResolver {
  @Query(() => BudgetOverview, {
    description:
      'Sozialraumbudget eines Haushaltsjahres: je Sozialraum zugewiesen, gebunden, ausgezahlt, verfügbar (§ 74/§ 77) und der Verlauf der Zuweisungen.',
  })
  async budgetOverview(
    @Arg('year', () => Int) year: number,
    @Ctx() context: GraphQLContext,
  ): Promise<BudgetOverview> {
    const caller = requireCaller(context);
    if (!Number.isInteger(year) || year < 2000 || year > 2200)
      throw BadUserInput('Das Haushaltsjahr ist ungültig.', {
        fields: [{ argument: 'year', message: 'Das Haushaltsjahr ist ungültig.' }],
      });
    const areas = await context.em.find(
      SocialArea,
      {},
      { populate: ['regionalTeam'], orderBy: { name: 'asc' } },
    );
    const visible = areas.filter((area) =>
      can(budgetPolicy, caller, 'read', {
        socialAreaId: area.id,
        regionalTeamId: area.regionalTeam?.id ?? null,
      }),
    );
    const allAreas = caller.roles.some((role) => ALL_AREAS_ROLES.includes(role));
    if (visible.length === 0 && !allAreas) throw Forbidden();
    const figures = await figuresOfYear(
      (query, params = []) => context.em.getConnection().execute(query, [...params]),
      year,
    );
    const byArea = new Map(figures.map((row) => [row.socialAreaId, row]));
    const row = (figure: AreaFigures, name: string, team: string | null): BudgetAreaFigures => ({
      ...figure,
      socialAreaName: name,
      regionalTeamName: team,
    });
    const ids = visible.map((area) => area.id);
    const allocations = ids.length
      ? await context.em.find(
          LedgerEntry,
          { kind: LedgerEntryKind.ALLOCATION, budgetYear: year, socialAreaId: { $in: ids } },
          { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 },
        )
      : [];
    return {
      year,
      areas: visible.map((area) =>
        row(byArea.get(area.id) ?? noFigures(area.id), area.name, area.regionalTeam?.name ?? null),
      ),
      countyWide: allAreas ? row(byArea.get(null) ?? noFigures(null), 'kreisweit', null) : null,
      allocations,
      viewerCanAllocate: visible.some((area) =>
        can(budgetPolicy, caller, 'allocate', {
          socialAreaId: area.id,
          regionalTeamId: area.regionalTeam?.id ?? null,
        }),
      ),
    };
  }

  @FieldResolver(() => Float, { description: 'Betrag in Cent (mit Vorzeichen).' })
  amount(@Root() entry: LedgerEntry): number {
    return entry.amount;
  }

  @FieldResolver(() => Float, { nullable: true, description: '§ 77: ausgezahlte Fachleistungsstunden.' })
  feeHours(@Root() entry: LedgerEntry): number | null {
    return entry.feeHours == null ? null : Number(entry.feeHours);
  }

  @FieldResolver(() => Float, { nullable: true, description: '§ 77: Stundensatz in Cent.' })
  hourlyRate(@Root() entry: LedgerEntry): number | null {
    return entry.hourlyRate ?? null;
  }

  @FieldResolver(() => UUIDScalar, { nullable: true, description: 'Sozialraum; leer: kreisweit.' })
  socialAreaId(@Root() entry: LedgerEntry): string | null {
    return entry.socialAreaId ?? null;
  }

  @FieldResolver(() => UUIDScalar, { nullable: true })
  offerId(@Root() entry: LedgerEntry): string | null {
    return entry.offerId ?? null;
  }

  @FieldResolver(() => UUIDScalar, { nullable: true, description: 'Der Bescheid einer Bindung.' })
  noticeId(@Root() entry: LedgerEntry): string | null {
    return entry.noticeId ?? null;
  }

  @FieldResolver(() => UUIDScalar, { nullable: true, description: 'Die Buchung, die diese korrigiert.' })
  correctsEntryId(@Root() entry: LedgerEntry): string | null {
    return entry.correctsEntry?.id ?? null;
  }

  @Mutation(() => LedgerEntry, {
    description:
      'Ändert das Sozialraumbudget eines Jahres auf einen neuen Gesamtbetrag (Administration, Finanzen): bucht die Differenz mit Grund.',
  })
  changeBudgetAllocation(
    @Arg('input', () => ChangeBudgetAllocationInput) input: ChangeBudgetAllocationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry> {
    return runCommand(context, 'changeBudgetAllocation', (cmd) => changeBudgetAllocation(cmd, input));
  }

  @Mutation(() => LedgerEntry, {
    description:
      'Zahlt geleistete Fachleistungsstunden eines Zeitraums aus (§ 77, Finanzen): Stunden × Stundensatz.',
  })
  recordFeePayment(
    @Arg('input', () => RecordFeePaymentInput) input: RecordFeePaymentInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry> {
    return runCommand(context, 'recordFeePayment', (cmd) => recordFeePayment(cmd, input));
  }

  @Mutation(() => LedgerEntry, { description: 'Zahlt eine Rate eines Zuschusses aus (§ 74, Finanzen).' })
  recordGrantPayment(
    @Arg('input', () => RecordGrantPaymentInput) input: RecordGrantPaymentInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry> {
    return runCommand(context, 'recordGrantPayment', (cmd) => recordGrantPayment(cmd, input));
  }

  @Mutation(() => [LedgerEntry], {
    description: 'Hebt einen Teil der Bindung eines Angebots mit Grund auf (Finanzen).',
  })
  cancelCommitment(
    @Arg('input', () => OfferAmountWithReasonInput) input: OfferAmountWithReasonInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry[]> {
    return runCommand(context, 'cancelCommitment', (cmd) => cancelCommitment(cmd, input));
  }

  @Mutation(() => LedgerEntry, { description: 'Bucht eine Rückzahlung des Trägers mit Grund (Finanzen).' })
  recordRepayment(
    @Arg('input', () => OfferAmountWithReasonInput) input: OfferAmountWithReasonInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry> {
    return runCommand(context, 'recordRepayment', (cmd) => recordRepayment(cmd, input));
  }

  @Mutation(() => LedgerEntry, {
    description:
      'Korrigiert eine Buchung durch die genaue Gegenbuchung mit Grund (Finanzen; Zuweisungen auch Administration).',
  })
  correctLedgerEntry(
    @Arg('input', () => CorrectLedgerEntryInput) input: CorrectLedgerEntryInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LedgerEntry> {
    return runCommand(context, 'correctLedgerEntry', (cmd) => correctLedgerEntry(cmd, input));
  }
}

/** The „Mittel“ of an offer. */
@Resolver(() => Offer)
export class OfferFundsResolver {
  @FieldResolver(() => OfferFundsView, {
    nullable: true,
    description: 'Die Mittel des Angebots (Buchungen); leer für Träger.',
  })
  async funds(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<OfferFundsView | null> {
    await context.em.populate(offer, ['socialArea.regionalTeam']);
    const scope = offerScopeOf(offer);
    if (!can(offerFundsPolicy, context.caller, 'read', scope)) return null;
    const sql = <T>(query: string, params: readonly unknown[] = []) =>
      context.em.getConnection().execute(query, [...params]) as Promise<T[]>;
    const funds = await offerFunds(sql, offer.id);
    const entries = await context.em.find(
      LedgerEntry,
      { offerId: offer.id },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 },
    );
    return {
      committed: funds.committed,
      paid: funds.paid,
      open: funds.committed - funds.paid,
      entries,
      viewerCanBook: can(offerFundsPolicy, context.caller, 'book', scope),
    };
  }
}
