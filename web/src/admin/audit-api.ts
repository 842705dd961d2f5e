import { graphql } from '../gql/index.js';

export const auditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        occurredAt
        requestId
        userId
        userName
        role
        operation
        entityType
        entityId
        outcome
        details
        justification
      }
      totalCount
      endCursor
      hasNextPage
    }
  }
`);

export const auditUsersQuery = graphql(`
  query AuditUsers {
    users {
      id
      displayName
      email
    }
  }
`);
