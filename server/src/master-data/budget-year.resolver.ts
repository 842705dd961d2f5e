import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { BadUserInput } from '../common/errors.js';
import { can } from '../common/policy.js';
import { BudgetYear } from './budget-year.entity.js';
import { CreateBudgetYearInput, UpdateBudgetYearInput } from './master-data.inputs.js';
import { budgetYearPolicy } from './master-data.policy.js';
import {
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from './master-data.service.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Haushaltsjahr tun darf.' })
export class BudgetYearViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

const yearTaken = (year: number) => `Das Haushaltsjahr ${year} gibt es bereits.`;

function invalid(argument: string, message: string): Error {
  return BadUserInput(message, { fields: [{ argument, message }] });
}

/** Dates must name real days, and the year must not end before it begins. */
function assertPeriod(year: Pick<BudgetYear, 'startsOn' | 'endsOn'>): void {
  for (const [argument, label] of [
    ['startsOn', 'Der Beginn'],
    ['endsOn', 'Das Ende'],
  ] as const) {
    const value = String(year[argument]);
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw invalid(argument, `${label} ist kein gültiges Datum.`);
    }
  }
  if (year.startsOn > year.endsOn) {
    throw invalid('endsOn', 'Das Ende des Haushaltsjahres darf nicht vor seinem Beginn liegen.');
  }
}

/** Creates a budget year; without dates it runs from 1 January to 31 December. */
export async function createBudgetYear(cmd: Command, input: CreateBudgetYearInput): Promise<BudgetYear> {
  const budgetYear = cmd.tx.create(BudgetYear, {
    year: input.year,
    startsOn: input.startsOn ?? `${input.year}-01-01`,
    endsOn: input.endsOn ?? `${input.year}-12-31`,
    createdBy: cmd.caller.userId,
  });
  cmd.authorize(budgetYearPolicy, 'create', budgetYear);
  assertPeriod(budgetYear);
  await assertUnique(cmd, 'budget_year', 'year', budgetYear.year, null, yearTaken(budgetYear.year));
  await flushUnique(cmd, yearTaken(budgetYear.year));
  cmd.audit({
    entityType: 'BudgetYear',
    entityId: budgetYear.id,
    details: {
      after: {
        year: budgetYear.year,
        startsOn: budgetYear.startsOn,
        endsOn: budgetYear.endsOn,
        closed: budgetYear.closed,
      },
    },
  });
  return budgetYear;
}

/** Changes a budget year's dates, or closes or reopens it. */
export async function updateBudgetYear(cmd: Command, input: UpdateBudgetYearInput): Promise<BudgetYear> {
  const budgetYear = await loadForChange(cmd, BudgetYear, input.id, 'Das Haushaltsjahr');
  cmd.authorize(budgetYearPolicy, 'update', budgetYear);
  await assertRevision(cmd, budgetYear, input.revision);
  const changes = applyChanges(budgetYear, {
    year: input.year,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    closed: input.closed,
  });
  assertPeriod(budgetYear);
  if ('year' in changes.after) {
    await assertUnique(
      cmd,
      'budget_year',
      'year',
      budgetYear.year,
      budgetYear.id,
      yearTaken(budgetYear.year),
    );
  }
  await flushUnique(cmd, yearTaken(budgetYear.year));
  cmd.audit({ entityType: 'BudgetYear', entityId: budgetYear.id, details: { ...changes } });
  return budgetYear;
}

@Resolver(() => BudgetYear)
export class BudgetYearResolver {
  @Query(() => [BudgetYear], {
    description: 'Die Haushaltsjahre, neueste zuerst; abgeschlossene nur mit includeInactive.',
  })
  async budgetYears(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<BudgetYear[]> {
    const caller = requireCaller(context);
    const years = await context.em.find(BudgetYear, includeInactive ? {} : { closed: false }, {
      orderBy: { year: 'desc' },
    });
    return years.filter((year) => can(budgetYearPolicy, caller, 'read', year));
  }

  @FieldResolver(() => BudgetYearViewerCan)
  viewerCan(@Root() budgetYear: BudgetYear, @Ctx() context: GraphQLContext): BudgetYearViewerCan {
    return { update: can(budgetYearPolicy, context.caller, 'update', budgetYear) };
  }

  @Mutation(() => BudgetYear, { description: 'Legt ein Haushaltsjahr an.' })
  createBudgetYear(
    @Arg('input', () => CreateBudgetYearInput) input: CreateBudgetYearInput,
    @Ctx() context: GraphQLContext,
  ): Promise<BudgetYear> {
    return runCommand(context, 'createBudgetYear', (cmd) => createBudgetYear(cmd, input));
  }

  @Mutation(() => BudgetYear, {
    description:
      'Ändert ein Haushaltsjahr (optimistische Sperre über revision); closed: true schließt es ab.',
  })
  updateBudgetYear(
    @Arg('input', () => UpdateBudgetYearInput) input: UpdateBudgetYearInput,
    @Ctx() context: GraphQLContext,
  ): Promise<BudgetYear> {
    return runCommand(context, 'updateBudgetYear', (cmd) => updateBudgetYear(cmd, input));
  }
}
