import { graphql } from '../gql/index.js';

export const budgetOverviewQuery = graphql(`
  query BudgetOverview($year: Int!) {
    budgetOverview(year: $year) {
      year
      viewerCanAllocate
      areas {
        socialAreaId
        socialAreaName
        regionalTeamName
        allocated
        committed
        committedGrant
        committedFee
        paid
        paidGrant
        paidFee
        remaining
      }
      countyWide {
        socialAreaName
        committed
        committedGrant
        committedFee
        paid
        paidGrant
        paidFee
      }
      allocations {
        id
        createdAt
        createdByName
        amount
        bookedOn
        socialAreaId
        reason
      }
    }
    budgetYears {
      id
      year
      closed
    }
  }
`);

export const changeBudgetAllocationMutation = graphql(`
  mutation ChangeBudgetAllocation($input: ChangeBudgetAllocationInput!) {
    changeBudgetAllocation(input: $input) {
      id
      amount
      budgetYear
    }
  }
`);

export const offerFundsQuery = graphql(`
  query OfferFunds($id: UUID!) {
    offer(id: $id) {
      id
      financingKind
      periodStart
      periodEnd
      funds {
        committed
        paid
        open
        viewerCanBook
        entries {
          id
          kind
          amount
          budgetYear
          bookedOn
          createdByName
          periodFrom
          periodTo
          feeHours
          hourlyRate
          reason
          correctsEntryId
        }
      }
    }
  }
`);

export const recordFeePaymentMutation = graphql(`
  mutation RecordFeePayment($input: RecordFeePaymentInput!) {
    recordFeePayment(input: $input) {
      id
      amount
    }
  }
`);

export const recordGrantPaymentMutation = graphql(`
  mutation RecordGrantPayment($input: RecordGrantPaymentInput!) {
    recordGrantPayment(input: $input) {
      id
      amount
    }
  }
`);

export const cancelCommitmentMutation = graphql(`
  mutation CancelCommitment($input: OfferAmountWithReasonInput!) {
    cancelCommitment(input: $input) {
      id
      amount
    }
  }
`);

export const recordRepaymentMutation = graphql(`
  mutation RecordRepayment($input: OfferAmountWithReasonInput!) {
    recordRepayment(input: $input) {
      id
      amount
    }
  }
`);

export const correctLedgerEntryMutation = graphql(`
  mutation CorrectLedgerEntry($input: CorrectLedgerEntryInput!) {
    correctLedgerEntry(input: $input) {
      id
      amount
    }
  }
`);

export const needBudgetFitsQuery = graphql(`
  query NeedBudgetFits($filter: NeedFilter!) {
    needs(filter: $filter) {
      id
      budgetFit {
        year
        estimatedCost
        remaining
      }
    }
  }
`);
