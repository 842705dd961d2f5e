import { graphql } from '../gql/index.js';

graphql(`
  fragment CallSummary on CallForInterest {
    id
    title
    deadline
    isOpen
    openToAll
    countyWide
    financingKind
    situationDescription
    openedByName
    createdAt
    closedAt
    closedByName
    socialArea {
      id
      name
    }
    offerCategory {
      id
      name
      description
    }
    invitedProviders {
      id
      name
    }
  }
`);

graphql(`
  fragment ApplicationListItem on Application {
    id
    state
    submittedAt
    updatedAt
    provider {
      id
      name
    }
    call {
      id
      title
      deadline
    }
    revisions {
      id
      number
      requestedAmount
    }
  }
`);

export const callsQuery = graphql(`
  query CallsForInterest {
    callsForInterest {
      ...CallSummary
      viewerCan {
        apply
      }
    }
  }
`);

export const callQuery = graphql(`
  query CallForInterest($id: UUID!) {
    callForInterest(id: $id) {
      ...CallSummary
      need {
        id
      }
      viewerCan {
        apply
        close
      }
      applications {
        ...ApplicationListItem
      }
    }
  }
`);

export const applicationsQuery = graphql(`
  query Applications($filter: ApplicationFilter) {
    applications(filter: $filter) {
      ...ApplicationListItem
    }
  }
`);

export const applicationQuery = graphql(`
  query Application($id: UUID!) {
    application(id: $id) {
      id
      state
      revision
      createdAt
      createdByName
      submittedAt
      updatedAt
      withdrawnAt
      changeRequestComment
      changesRequestedAt
      changesRequestedByName
      offerDescriptionData
      costCalculationData
      offerDescriptionVersion {
        ...RenderableFormVersion
      }
      costCalculationVersion {
        ...RenderableFormVersion
      }
      provider {
        id
        name
      }
      call {
        ...CallSummary
        need {
          id
        }
      }
      revisions {
        id
        number
        submittedAt
        submittedByName
        requestedAmount
      }
      viewerCan {
        readData
        saveDraft
        submit
        withdraw
        requestChanges
        score
      }
    }
  }
`);

export const revisionDiffQuery = graphql(`
  query ApplicationRevisionDiff($id: UUID!, $fromRevision: Int!, $toRevision: Int!) {
    application(id: $id) {
      id
      revisionDiff(fromRevision: $fromRevision, toRevision: $toRevision) {
        formKey
        formTitle
        path
        label
        before
        after
      }
    }
  }
`);

export const createApplicationMutation = graphql(`
  mutation CreateApplication($input: CreateApplicationInput!) {
    createApplication(input: $input) {
      id
    }
  }
`);

export const saveApplicationDraftMutation = graphql(`
  mutation SaveApplicationDraft($input: SaveApplicationDraftInput!) {
    saveApplicationDraft(input: $input) {
      id
      revision
      updatedAt
    }
  }
`);

export const submitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
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

export const requestApplicationChangesMutation = graphql(`
  mutation RequestApplicationChanges($input: RequestApplicationChangesInput!) {
    requestApplicationChanges(input: $input) {
      id
      revision
      state
    }
  }
`);

export const withdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      id
      revision
      state
    }
  }
`);

/** The call section of a need page: the need's call with its applications, and what the caller may do. */
export const needCallQuery = graphql(`
  query NeedCall($id: UUID!) {
    need(id: $id) {
      id
      state
      revision
      viewerCan {
        openCallForInterest
        closeCallForInterest
      }
      callForInterest {
        ...CallSummary
        applications {
          ...ApplicationListItem
        }
      }
    }
  }
`);

export const callOptionsQuery = graphql(`
  query CallOptions {
    offerCategories {
      id
      name
      financingKind
    }
    providers {
      id
      name
    }
  }
`);

export const openCallForInterestMutation = graphql(`
  mutation OpenCallForInterest($input: OpenCallForInterestInput!) {
    openCallForInterest(input: $input) {
      id
      revision
      state
    }
  }
`);

export const closeCallForInterestMutation = graphql(`
  mutation CloseCallForInterest($input: CloseCallForInterestInput!) {
    closeCallForInterest(input: $input) {
      id
      revision
      state
    }
  }
`);
