import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphQLContext } from '../common/context.js';
import { ErrorCode, Unauthenticated } from '../common/errors.js';
import type { SessionCaller } from './resolve-caller.js';

/** Root fields anyone may ask for without a session. */
const ANONYMOUS_FIELDS: ReadonlySet<string> = new Set(['login', '__typename', '__schema', '__type']);

/** What a user who must first choose a new password may do. */
const PASSWORD_CHANGE_FIELDS: ReadonlySet<string> = new Set([
  'me',
  'changePassword',
  'logout',
  '__typename',
  '__schema',
  '__type',
]);

/** The root field names an operation selects, through fragments; cached per parsed operation. */
const rootFieldsCache = new WeakMap<OperationDefinitionNode, readonly string[]>();

function rootFields(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): readonly string[] {
  let fields = rootFieldsCache.get(operation);
  if (!fields) {
    const names = new Set<string>();
    const seen = new Set<string>();
    const collect = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) names.add(selection.name.value);
        else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = fragments[selection.name.value];
          if (fragment) collect(fragment.selectionSet);
        }
      }
    };
    collect(operation.selectionSet);
    fields = [...names];
    rootFieldsCache.set(operation, fields);
  }
  return fields;
}

/** Errors of the gate answer with 200, as the same errors from a resolver do. */
const withStatus = (error: GraphQLError) =>
  new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 200 } } });

/**
 * The one place that keeps anonymous requests out: before any resolver runs, an operation without a
 * caller is refused with UNAUTHENTICATED unless it only asks for `login` (or `__typename`), and a user who
 * must change the password first may only ask for me, changePassword and logout (FORBIDDEN with reason
 * PASSWORD_CHANGE_REQUIRED). Resolvers check roles and records on top of this.
 */
export function accessGatePlugin<Context extends GraphQLContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const caller = contextValue.caller as SessionCaller | null;
          if (!operation || (caller && !caller.mustChangePassword)) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const fields = rootFields(operation, fragments);
          if (!caller) {
            if (fields.every((field) => ANONYMOUS_FIELDS.has(field))) return;
            throw withStatus(Unauthenticated());
          }
          if (!fields.every((field) => PASSWORD_CHANGE_FIELDS.has(field))) {
            throw new GraphQLError(
              'Bitte ändern Sie zuerst Ihr Passwort (Mein Konto), bevor Sie weiterarbeiten.',
              {
                extensions: {
                  code: ErrorCode.Forbidden,
                  reason: 'PASSWORD_CHANGE_REQUIRED',
                  http: { status: 200 },
                },
              },
            );
          }
        },
      };
    },
  };
}
