import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import {
  type DocumentNode,
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphQLContext } from '../common/context.js';
import { ErrorCode } from '../common/errors.js';
import { describeError } from '../http/error-log.js';
import { AuditOutcome } from './audit-event.entity.js';
import { type AuditRecord, recordAuditEvent } from './record-audit-event.js';

/** Most denial events one answer writes (one per denied root field; aliases are capped lower anyway). */
const MAX_DENIALS_PER_ANSWER = 20;

/** The field name behind each response key of the operation's root selection (aliases resolved). */
function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode | undefined) {
  const names = new Map<string, string>();
  const visit = (selectionSet: SelectionSetNode, depth: number) => {
    if (depth > 5) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        names.set(selection.alias?.value ?? selection.name.value, selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth + 1);
      } else {
        const fragment = document?.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet, depth + 1);
      }
    }
  };
  visit(operation.selectionSet, 0);
  return names;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 100) : null;
}

/**
 * The denial events of one answer: one per root field that was refused with FORBIDDEN, naming the
 * operation (the root field, not its alias), the caller, the request and, when the error names it, the
 * record. The first FORBIDDEN error of a root field counts.
 */
export function denialRecords(
  errors: readonly GraphQLError[],
  context: Pick<GraphQLContext, 'caller' | 'requestId'>,
  operation: OperationDefinitionNode | undefined,
  document: DocumentNode | undefined,
): AuditRecord[] {
  const fieldNames = operation ? rootFieldNames(operation, document) : new Map<string, string>();
  const byRootField = new Map<string, AuditRecord>();
  for (const error of errors) {
    if (error.extensions?.code !== ErrorCode.Forbidden) continue;
    const responseKey = typeof error.path?.[0] === 'string' ? error.path[0] : null;
    const operationName =
      (responseKey && fieldNames.get(responseKey)) ??
      responseKey ??
      fieldNames.values().next().value ??
      operation?.name?.value ??
      'unknown';
    const key = responseKey ?? operationName;
    if (byRootField.has(key) || byRootField.size >= MAX_DENIALS_PER_ANSWER) continue;
    const extensions = error.extensions;
    const details: Record<string, unknown> = {};
    if (context.caller) details.callerRoles = context.caller.roles;
    if (text(extensions.reason)) details.reason = text(extensions.reason);
    if (error.path && error.path.length > 1) details.path = error.path.join('.');
    byRootField.set(key, {
      operation: operationName.slice(0, 100),
      outcome: AuditOutcome.DENIED,
      requestId: context.requestId,
      caller: context.caller,
      role: null,
      entityType: text(extensions.entityType),
      entityId: text(extensions.entityId),
      details,
    });
  }
  return [...byRootField.values()];
}

/**
 * Records every permission denial of the API in the audit trail, in one place, so no resolver has to
 * remember it. Each event is written on its own, after the operation ran: a command that was refused
 * has rolled back its transaction by then, the denial event stays. UNAUTHENTICATED answers are not
 * recorded (anyone can cause them without an account). When the event cannot be written the answer
 * still goes out (it is a refusal either way) and the failure is logged.
 */
export function auditDenialsPlugin(
  em: EntityManager,
  log: FastifyBaseLogger,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operation, document }) {
          const records = denialRecords(errors, contextValue, operation, document);
          if (!records.length) return;
          const writer = em.fork();
          for (const record of records) {
            try {
              await recordAuditEvent(writer, record);
            } catch (error) {
              log.error(
                { reqId: contextValue.requestId, operation: record.operation, error: describeError(error) },
                'Verweigerung konnte nicht protokolliert werden',
              );
            }
          }
        },
      };
    },
  };
}
