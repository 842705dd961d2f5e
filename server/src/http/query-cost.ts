import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  isListType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_VERSIONS_LISTED } from '../forms/form.resolver.js';
import { MAX_EXAMPLE_ERRORS, MAX_IMPACT_EXAMPLES, MAX_IMPACT_REASONS } from '../forms/form-impact.js';
import { MAX_FIELD_ERRORS } from '../../../form-logic/index.js';

export interface QueryCostOptions {
  /** Largest estimated cost of one operation. */
  maxCost: number;
  /** Items assumed per list field, by `Type.field`; other lists get `defaultListSize`. */
  listSizes: Readonly<Record<string, number>>;
  defaultListSize: number;
  /** Cost of one value of a scalar type, by type name (large JSON documents cost more); others 1. */
  scalarCosts: Readonly<Record<string, number>>;
}

/**
 * The cost model: every field costs 1 (a scalar the weight its type is given), an object field adds
 * the cost of its selection, and a list field multiplies all of that by the number of items it may
 * return. Aliases and fragments count every time they are used. So `forms { versions { form {
 * versions { … } } } }` costs forms × versions × versions × …, which is what it would make the server
 * load and send, and is refused before a single resolver runs.
 */
export const QUERY_COST: QueryCostOptions = {
  maxCost: 50_000,
  listSizes: {
    'Query.forms': 50,
    'Form.versions': MAX_VERSIONS_LISTED,
    // The resolver never returns more.
    'Query.submissions': 500,
    // `first` is at most 200; a history at most 500 events.
    'AuditEventPage.nodes': 200,
    'Query.entityHistory': 500,
    // A need's decisions and bodies, and the Träger considered for it: a handful each.
    'Need.timeline': 50,
    'Need.consideredProviders': 50,
    // Calls and applications: the resolvers return at most 200 and 500; a call has a few applications, an
    // application a few revisions and invited Träger; a diff lists the changed fields.
    'Query.callsForInterest': 200,
    'Query.applications': 500,
    'CallForInterest.applications': 50,
    'CallForInterest.invitedProviders': 50,
    'Application.revisions': 20,
    'Application.revisionDiff': 200,
    // Scores: a call's ranking lists its competing applications (the resolver returns at most 50), an
    // application has a few scorers (at most 20), a score a few corrections.
    'Query.applicationRanking': 50,
    'Application.scores': 20,
    'Score.revisions': 20,
    // Offers: a page holds at most 200 (`limit`).
    'OfferPage.nodes': 200,
    // An offer's period spans at most five budget years (ten half-years); goals are at most 20 per sheet.
    'Offer.evaluations': 10,
    'Offer.goalRevisions': 20,
    'OfferGoalRevision.goals': 20,
    'Evaluation.revisions': 20,
    'Evaluation.goalFacts': 20,
    // The evaluation, decision and notice lists return at most 500 rows; a notice has a share per budget year.
    'Query.evaluations': 500,
    'Query.evaluationsAwaitingReview': 500,
    'Query.overdueEvaluations': 500,
    'Query.applicationsAwaitingDecision': 500,
    'Query.applicationsAwaitingNotice': 500,
    'Query.decisionNotices': 500,
    'DecisionNotice.shares': 5,
    'Query.budgetCheck': 5,
    // The Sozialraumbudget's allocation history and an offer's ledger return at most 500 entries.
    'BudgetOverview.allocations': 500,
    'OfferFundsView.entries': 500,
    // Meine Aufgaben: `limit` is at most 200.
    'TaskList.tasks': 200,
    // Form administration: the impact check answers at most 20 reasons and 10 examples of at most 10
    // errors each, in a handful of groups; a definition check at most 100 errors of each kind.
    'FormImpact.groups': 10,
    'FormImpact.reasons': MAX_IMPACT_REASONS,
    'FormImpact.examples': MAX_IMPACT_EXAMPLES,
    'FormImpactExample.errors': MAX_EXAMPLE_ERRORS,
    'FormImpact.definitionErrors': MAX_FIELD_ERRORS,
    'FormImpact.contractErrors': MAX_FIELD_ERRORS,
    'FormDefinitionCheck.errors': MAX_FIELD_ERRORS,
    'FormDefinitionCheck.contractErrors': MAX_FIELD_ERRORS,
    // Reports: a few dozen reports and datasets, each with at most 20 fields; a dashboard a dozen items.
    'Query.reports': 200,
    'Query.reportDatasets': 20,
    'ReportDatasetInfo.dimensions': 20,
    'ReportDatasetInfo.measures': 20,
    'ReportResult.columns': 30,
    'ReportResult.drillDowns': 10,
    'Dashboard.items': 30,
    'ReportSavePayload.errors': MAX_FIELD_ERRORS,
  },
  defaultListSize: 100,
  scalarCosts: { JSON: 10 },
};

/**
 * A validation rule that refuses operations whose estimated cost (see QUERY_COST) exceeds the limit.
 * Introspection fields are free, so tools can read the schema.
 */
export function queryCostRule(options: QueryCostOptions = QUERY_COST): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentCosts = new Map<string, number>();
    const inProgress = new Set<string>();

    const fragmentCost = (name: string): number => {
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Unknown fragments and cycles are reported by graphql's own rules.
      if (!fragment || inProgress.has(name)) return 0;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      inProgress.add(name);
      const cost = type ? selectionCost(fragment.selectionSet, type) : 0;
      inProgress.delete(name);
      fragmentCosts.set(name, cost);
      return cost;
    };

    const fieldCost = (field: FieldNode, parentType: GraphQLNamedType): number => {
      const name = field.name.value;
      if (name.startsWith('__')) return 0;
      if (!isObjectType(parentType) && !isInterfaceType(parentType)) return 0;
      const definition = parentType.getFields()[name];
      if (!definition) return 0;
      const namedType = getNamedType(definition.type);
      let cost =
        isCompositeType(namedType) && field.selectionSet
          ? 1 + selectionCost(field.selectionSet, namedType)
          : (options.scalarCosts[namedType.name] ?? 1);
      if (isList(definition.type)) {
        cost *= options.listSizes[`${parentType.name}.${name}`] ?? options.defaultListSize;
      }
      return cost;
    };

    const selectionCost = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          total += fieldCost(selection, parentType);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition
            ? context.getSchema().getType(selection.typeCondition.name.value)
            : parentType;
          if (condition) total += selectionCost(selection.selectionSet, condition);
        } else {
          total += fragmentCost(selection.name.value);
        }
        // Past the limit the exact figure no longer matters; stopping keeps huge documents cheap.
        if (total > options.maxCost) return total;
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const rootType = context.getSchema().getRootType(operation.operation);
        if (!rootType) return;
        const cost = selectionCost(operation.selectionSet, rootType);
        if (cost > options.maxCost) {
          context.reportError(
            new GraphQLError(
              `Die Anfrage ist zu aufwendig: geschätzte Kosten über ${options.maxCost} ` +
                '(Listen zählen mit ihrer möglichen Länge). Bitte fragen Sie weniger verschachtelt oder weniger Felder ab.',
              { nodes: [operation], extensions: { limit: 'MAX_QUERY_COST', maxCost: options.maxCost } },
            ),
          );
        }
      },
    };
  };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}
