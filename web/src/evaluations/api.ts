import { graphql } from '../gql/index.js';

graphql(`
  fragment EvaluationListItem on Evaluation {
    id
    state
    periodNumber
    periodFrom
    periodTo
    dueDate
    overdue
    submittedAt
    offer {
      id
      title
    }
  }
`);

graphql(`
  fragment EvaluationDetails on Evaluation {
    id
    revision
    state
    periodNumber
    periodFrom
    periodTo
    dueDate
    overdue
    data
    submittedAt
    changeRequestComment
    changesRequestedAt
    changesRequestedByName
    acceptedAt
    acceptedByName
    offer {
      id
      title
      periodStart
      periodEnd
      goalRevisions {
        id
        number
        goals {
          goal
          indicator
          targetValue
        }
      }
    }
    formVersion {
      ...RenderableFormVersion
    }
    revisions {
      id
      number
      submittedAt
      submittedByName
    }
    fact {
      participantsReached
      newParticipants
      sessionsHeld
      professionalHoursDelivered
      expensesInPeriod
    }
    goalFacts {
      goalIndex
      goal
      achievement
      achievementPercent
      percentGiven
    }
    viewerCan {
      readData
      saveDraft
      submit
      accept
      requestChanges
    }
  }
`);

export const evaluationsQuery = graphql(`
  query Evaluations($filter: EvaluationFilter) {
    evaluations(filter: $filter) {
      ...EvaluationListItem
    }
  }
`);

export const evaluationsAwaitingReviewQuery = graphql(`
  query EvaluationsAwaitingReview {
    evaluationsAwaitingReview {
      ...EvaluationListItem
    }
  }
`);

export const overdueEvaluationsQuery = graphql(`
  query OverdueEvaluations {
    overdueEvaluations {
      ...EvaluationListItem
    }
  }
`);

export const evaluationQuery = graphql(`
  query Evaluation($id: UUID!) {
    evaluation(id: $id) {
      ...EvaluationDetails
    }
  }
`);

export const saveEvaluationDraftMutation = graphql(`
  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {
    saveEvaluationDraft(input: $input) {
      id
      revision
    }
  }
`);

export const submitEvaluationMutation = graphql(`
  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      evaluation {
        id
        revision
        state
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

export const acceptEvaluationMutation = graphql(`
  mutation AcceptEvaluation($input: AcceptEvaluationInput!) {
    acceptEvaluation(input: $input) {
      id
      revision
      state
    }
  }
`);

export const requestEvaluationChangesMutation = graphql(`
  mutation RequestEvaluationChanges($input: RequestEvaluationChangesInput!) {
    requestEvaluationChanges(input: $input) {
      id
      revision
      state
    }
  }
`);

export const offerEvaluationsQuery = graphql(`
  query OfferEvaluations($offerId: UUID!) {
    offer(id: $offerId) {
      id
      revision
      state
      canAdjustGoals
      evaluations {
        ...EvaluationListItem
      }
      goalRevisions {
        id
        number
        createdAt
        createdByName
        reason
        goals {
          goal
          indicator
          targetValue
        }
      }
    }
  }
`);

export const adjustOfferGoalsMutation = graphql(`
  mutation AdjustOfferGoals($input: AdjustOfferGoalsInput!) {
    adjustOfferGoals(input: $input) {
      id
      revision
    }
  }
`);
