import { graphql } from '../gql/index.js';

export const noticesToIssueQuery = graphql(`
  query NoticesToIssue {
    applicationsAwaitingNotice {
      id
      viewerCanIssueNotice
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
      decision {
        id
        approvedAmount
        periodStart
        periodEnd
        financingKind
        decidedAt
      }
    }
  }
`);

export const issuedNoticesQuery = graphql(`
  query IssuedNotices {
    decisionNotices {
      id
      number
      noticeDate
      addresseeName
      title
      amount
      financingKind
    }
  }
`);

export const noticeQuery = graphql(`
  query DecisionNoticeDetail($id: UUID!) {
    decisionNotice(id: $id) {
      id
      number
      noticeDate
      addresseeName
      addresseeStreet
      addresseePostalCode
      addresseeCity
      title
      socialAreaName
      offerCategoryName
      amount
      periodStart
      periodEnd
      financingKind
      legalBasis
      feeHours
      hourlyRate
      issuedByName
      pdfUrl
      shares {
        budgetYear
        amount
      }
      offer {
        id
      }
      application {
        id
      }
    }
  }
`);

export const issueNoticeMutation = graphql(`
  mutation IssueNotice($applicationId: UUID!, $noticeDate: String) {
    issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) {
      id
      number
    }
  }
`);
