import { graphql } from '../gql/index.js';

export const myTasksQuery = graphql(`
  query MyTasks($limit: Int!) {
    myTasks(limit: $limit) {
      totalCount
      tasks {
        id
        kind
        title
        recordType
        recordId
        path
        since
        dueAt
        overdue
      }
    }
  }
`);

export const myTaskCountQuery = graphql(`
  query MyTaskCount {
    myTasks(limit: 0) {
      totalCount
    }
  }
`);
