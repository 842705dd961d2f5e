import { graphql } from '../gql/index.js';

graphql(`
  fragment ScoreDetails on Score {
    id
    revision
    scorerName
    submittedAt
    updatedAt
    weightedScore
    data
    criteriaVersion {
      ...RenderableFormVersion
    }
    revisions {
      id
      number
      submittedAt
      submittedByName
      weightedScore
    }
    viewerCan {
      readData
      saveDraft
      submit
    }
  }
`);

export const applicationScoresQuery = graphql(`
  query ApplicationScores($id: UUID!) {
    application(id: $id) {
      id
      state
      viewerCan {
        score
      }
      scores {
        ...ScoreDetails
      }
    }
  }
`);

export const startScoreMutation = graphql(`
  mutation StartScore($input: StartScoreInput!) {
    startScore(input: $input) {
      id
    }
  }
`);

export const saveScoreDraftMutation = graphql(`
  mutation SaveScoreDraft($input: SaveScoreDraftInput!) {
    saveScoreDraft(input: $input) {
      id
      revision
    }
  }
`);

export const submitScoreMutation = graphql(`
  mutation SubmitScore($input: SubmitScoreInput!) {
    submitScore(input: $input) {
      score {
        id
        revision
        weightedScore
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

export const rankingQuery = graphql(`
  query ApplicationRanking($needId: UUID!) {
    need(id: $needId) {
      id
      title
      callForInterest {
        id
        title
      }
    }
    applicationRanking(needId: $needId) {
      rank
      averageWeightedScore
      requestedAmount
      scoreCount
      application {
        id
        state
        submittedAt
        provider {
          id
          name
        }
      }
    }
  }
`);
