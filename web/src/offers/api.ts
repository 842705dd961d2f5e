import { graphql } from '../gql/index.js';

export const offersQuery = graphql(`
  query Offers($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {
    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {
      totalCount
      nodes {
        id
        title
        countyWide
        financingKind
        state
        approvedAmount
        nextEvaluationDue
        nextEvaluationOverdue
        socialArea {
          id
          name
        }
        provider {
          id
          name
        }
        offerCategory {
          id
          name
        }
      }
    }
  }
`);

/** The choices of the overview's filters (provider staff see only their own Träger). */
export const offerFilterOptionsQuery = graphql(`
  query OfferFilterOptions {
    socialAreas(includeInactive: true) {
      id
      name
    }
    regionalTeams(includeInactive: true) {
      id
      name
    }
    providers(includeInactive: true) {
      id
      name
    }
    offerCategories(includeInactive: true) {
      id
      name
    }
  }
`);

export const offerQuery = graphql(`
  query Offer($id: UUID!) {
    offer(id: $id) {
      id
      title
      countyWide
      financingKind
      state
      periodStart
      periodEnd
      approvedAmount
      feeHours
      hourlyRate
      endedAt
      nextEvaluationDue
      nextEvaluationOverdue
      socialArea {
        id
        name
        regionalTeam {
          id
          name
        }
      }
      provider {
        id
        name
      }
      offerCategory {
        id
        name
      }
      need {
        id
        title
      }
      application {
        id
      }
      viewerCan {
        readNeed
        readApplication
      }
    }
  }
`);
