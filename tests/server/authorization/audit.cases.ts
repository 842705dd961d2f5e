import { allow, type AuthorizationCase, deny } from './matrix.js';

/** Only the administration reads the audit trail; every other role is refused, whatever its scope. */
const adminOnly = {
  ADMIN: allow(['createDraft']),
  '*': deny('FORBIDDEN'),
} as const;

const successfulOperations = (events: { operation: string; outcome: string }[] | null | undefined) =>
  events ? events.filter((event) => event.outcome === 'SUCCESS').map((event) => event.operation) : null;

export const cases: AuthorizationCase[] = [
  {
    title: 'auditEvents is read by the administration only',
    covers: ['Query.auditEvents', 'AuditEventPage.nodes'],
    document: `query($filter: AuditEventFilter) {
      auditEvents(filter: $filter) { totalCount nodes { id operation outcome entityType entityId userId } }
    }`,
    variables: (w) => ({
      filter: { entityType: 'FormVersion', entityId: w.formVersions.draft, outcome: 'SUCCESS' },
    }),
    pick: (data) => successfulOperations(data.auditEvents?.nodes),
    expect: adminOnly,
  },
  {
    title: "entityHistory (a record's history) is read by the administration only",
    covers: ['Query.entityHistory'],
    document: `query($entityType: String!, $entityId: String!) {
      entityHistory(entityType: $entityType, entityId: $entityId) { id operation outcome }
    }`,
    variables: (w) => ({ entityType: 'FormVersion', entityId: w.formVersions.draft }),
    pick: (data) => successfulOperations(data.entityHistory),
    expect: adminOnly,
  },
];
