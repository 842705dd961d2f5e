import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { budgetPolicy } from '../budget/budget.policy.js';
import { figuresOfArea } from '../budget/ledger-figures.js';
import type { GraphQLContext } from '../common/context.js';
import { can } from '../common/policy.js';
import { todayInVerden } from '../common/local-date.js';
import { Need } from './need.entity.js';

@ObjectType({
  description:
    'Was ein Bedarf voraussichtlich kostet und was vom Sozialraumbudget des laufenden Haushaltsjahres verfügbar ist (Cent).',
})
export class NeedBudgetFit {
  @Field(() => Int, { description: 'Das laufende Haushaltsjahr.' })
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Kostenschätzung: der höchste beantragte Betrag der eingereichten Interessensbekundungen zu den Aufrufen des Bedarfs; leer: ohne Kostenschätzung.',
  })
  estimatedCost!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Verfügbar im Sozialraumbudget des Jahres (zugewiesen − gebunden); leer: kreisweit.',
  })
  remaining!: number | null;
}

/** The budget side of the priority list (step 7): which needs fit the remaining Sozialraumbudget. */
@Resolver(() => Need)
export class NeedBudgetResolver {
  @FieldResolver(() => NeedBudgetFit, {
    nullable: true,
    description: 'Kostenschätzung und verfügbares Sozialraumbudget; leer für wer das Budget nicht sieht.',
  })
  async budgetFit(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<NeedBudgetFit | null> {
    const socialAreaId = need.socialArea?.id ?? null;
    if (socialAreaId) await context.em.populate(need, ['socialArea.regionalTeam']);
    const scope = { socialAreaId, regionalTeamId: need.socialArea?.regionalTeam?.id ?? null };
    const office = context.caller?.roles.some((role) => role !== 'PROVIDER') ?? false;
    if (!office || (socialAreaId && !can(budgetPolicy, context.caller, 'read', scope))) return null;
    const sql = <T>(query: string, params: readonly unknown[] = []) =>
      context.em.getConnection().execute(query, [...params]) as Promise<T[]>;
    const year = Number(todayInVerden().slice(0, 4));
    const [estimate] = await sql<{ amount: string | null }>(
      `select max(r."requested_amount")::bigint as "amount"
         from "call_for_interest" c
         join "application" a on a."call_id" = c."id" and a."state" in ('SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED')
         join lateral (select "requested_amount" from "application_revision" where "application_id" = a."id"
                        order by "number" desc limit 1) r on true
        where c."need_id" = ?`,
      [need.id],
    );
    const figures = socialAreaId ? (await figuresOfArea(sql, socialAreaId, [year])).get(year) : null;
    return {
      year,
      estimatedCost: estimate?.amount == null ? null : Number(estimate.amount),
      remaining: socialAreaId ? (figures?.remaining ?? 0) : null,
    };
  }
}
