import { lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { ApplicationResolver, ApplicationRevisionResolver } from './applications/application.resolver.js';
import {
  CallForInterestResolver,
  NeedCallForInterestResolver,
} from './applications/call-for-interest.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { validateArgs } from './common/validate-args.js';
import {
  ApplicationDecisionFieldsResolver,
  ApplicationDecisionResolver,
} from './decisions/decision.resolver.js';
import { BudgetResolver, OfferFundsResolver } from './budget/budget.resolver.js';
import {
  ApplicationNoticeResolver,
  DecisionNoticeResolver,
  DecisionNoticeShareResolver,
} from './notices/notice.resolver.js';
import { FormResolver, FormVersionResolver } from './forms/form.resolver.js';
import { FormAdminResolver } from './forms/form-admin.resolver.js';
import { BudgetYearResolver } from './master-data/budget-year.resolver.js';
import { OfferCategoryResolver } from './master-data/offer-category.resolver.js';
import { ProviderResolver } from './master-data/provider.resolver.js';
import { RegionalTeamResolver } from './master-data/regional-team.resolver.js';
import { SocialAreaResolver } from './master-data/social-area.resolver.js';
import { BodyResolver } from './needs/body.resolver.js';
import { NeedResolver } from './needs/need.resolver.js';
import { NeedBudgetResolver } from './needs/need-budget.resolver.js';
import {
  EvaluationFactResolver,
  EvaluationGoalFactResolver,
  EvaluationResolver,
  EvaluationRevisionResolver,
  OfferEvaluationsResolver,
  OfferGoalRevisionResolver,
} from './evaluations/evaluation.resolver.js';
import { OfferResolver } from './offers/offer.resolver.js';
import { ReportResolver } from './reports/report.resolver.js';
import { ApplicationScoresResolver, ScoreResolver, ScoreRevisionResolver } from './scoring/score.resolver.js';
import { SubmissionResolver } from './submissions/submission.resolver.js';
import { TaskResolver } from './tasks/task.resolver.js';
import { AuthResolver } from './users/auth.resolver.js';
import { UserResolver } from './users/user-admin.resolver.js';

/** Builds the GraphQL schema from the resolvers; `schema.graphql` at the project root is its printed form. */
export function buildGraphQLSchema() {
  return buildSchema({
    resolvers: [
      FormResolver,
      FormVersionResolver,
      FormAdminResolver,
      SubmissionResolver,
      AuthResolver,
      UserResolver,
      AuditResolver,
      SocialAreaResolver,
      RegionalTeamResolver,
      ProviderResolver,
      OfferCategoryResolver,
      BudgetYearResolver,
      NeedResolver,
      NeedBudgetResolver,
      BodyResolver,
      CallForInterestResolver,
      NeedCallForInterestResolver,
      ApplicationResolver,
      ApplicationRevisionResolver,
      ScoreResolver,
      ScoreRevisionResolver,
      ApplicationScoresResolver,
      ApplicationDecisionResolver,
      ApplicationDecisionFieldsResolver,
      BudgetResolver,
      OfferFundsResolver,
      DecisionNoticeResolver,
      DecisionNoticeShareResolver,
      ApplicationNoticeResolver,
      EvaluationResolver,
      EvaluationRevisionResolver,
      EvaluationFactResolver,
      EvaluationGoalFactResolver,
      OfferGoalRevisionResolver,
      OfferEvaluationsResolver,
      OfferResolver,
      TaskResolver,
      ReportResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validateFn: validateArgs,
    emitSchemaFile: false,
  });
}

/** The schema in SDL, sorted so that the committed file changes only when the API does. */
export async function printGraphQLSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
