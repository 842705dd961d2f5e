import { graphql } from '../gql/index.js';

export const decisionQueueQuery = graphql(`
  query DecisionQueue {
    applicationsAwaitingDecision {
      id
      submittedAt
      viewerCanDecide
      provider {
        id
        name
      }
      call {
        id
        title
        countyWide
        socialArea {
          id
          name
        }
        need {
          id
          title
        }
      }
    }
  }
`);

export const decisionRankingQuery = graphql(`
  query DecisionRanking($needId: UUID!) {
    applicationRanking(needId: $needId) {
      application {
        id
      }
      requestedAmount
      averageWeightedScore
      scoreCount
      rank
    }
  }
`);

export const decisionApplicationQuery = graphql(`
  query DecisionApplication($id: UUID!) {
    application(id: $id) {
      id
      state
      revision
      submittedAt
      viewerCanDecide
      costCalculationData
      provider {
        id
        name
      }
      revisions {
        number
        requestedAmount
      }
      call {
        id
        title
        countyWide
        financingKind
        offerCategory {
          id
          name
        }
        socialArea {
          id
          name
        }
        need {
          id
          title
        }
      }
      decision {
        id
        outcome
        justification
        decidedByName
        decidedAt
        approvedAmount
        periodStart
        periodEnd
        financingKind
        feeHours
        hourlyRate
        budgetWarning
      }
    }
  }
`);

export const budgetCheckQuery = graphql(`
  query BudgetCheck($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {
    budgetCheck(
      applicationId: $applicationId
      amount: $amount
      periodStart: $periodStart
      periodEnd: $periodEnd
    ) {
      year
      allocation
      approvedSoFar
      amount
      remaining
      exceeds
    }
  }
`);

export const approveApplicationMutation = graphql(`
  mutation ApproveApplication($input: ApproveApplicationInput!) {
    approveApplication(input: $input) {
      id
      budgetWarning
      application {
        id
        state
      }
    }
  }
`);

export const rejectApplicationMutation = graphql(`
  mutation RejectApplication($input: RejectApplicationInput!) {
    rejectApplication(input: $input) {
      id
      application {
        id
        state
      }
    }
  }
`);
