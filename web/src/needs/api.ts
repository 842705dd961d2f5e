import { graphql } from '../gql/index.js';

graphql(`
  fragment NeedListItem on Need {
    id
    title
    state
    countyWide
    priority
    outcome
    createdAt
    createdByName
    socialArea {
      id
      name
    }
    viewerCan {
      prioritise
    }
  }
`);

export const needsQuery = graphql(`
  query Needs($filter: NeedFilter, $openFilter: NeedFilter) {
    needs(filter: $filter) {
      ...NeedListItem
    }
    openNeeds: needs(filter: $openFilter) {
      ...NeedListItem
    }
  }
`);

export const needSocialAreasQuery = graphql(`
  query NeedSocialAreas {
    socialAreas {
      id
      name
    }
  }
`);

export const needQuery = graphql(`
  query Need($id: UUID!) {
    need(id: $id) {
      id
      title
      state
      revision
      countyWide
      socialArea {
        id
        name
      }
      situationDescription
      createdAt
      createdByName
      updatedAt
      priority
      outcome
      coveredByResources
      resourcesJustification
      resourcesDecidedAt
      resourcesDecidedByName
      consideredOffers
      consideredProviders {
        id
        name
      }
      consideredRunningOffers {
        id
        title
        state
        countyWide
        provider {
          id
          name
        }
      }
      offerWanted
      offerJustification
      offerDecidedAt
      offerDecidedByName
      contactYouthOffice
      contactProviders
      fundingProgrammes
      professionalJustification
      resourcesWeighed
      developmentWithoutOffer
      timeline {
        kind
        at
        byName
        decision
        justification
        bodyName
        involvement
        date
        outcome
        offers {
          id
          title
        }
      }
      viewerCan {
        update
        planOffer
        decideResources
        decideOffer
        recordBodyInvolvement
        prioritise
      }
    }
  }
`);

export const needBodiesQuery = graphql(`
  query NeedBodies {
    bodies {
      id
      name
    }
  }
`);

/** The running offers decision 1 may name: `area` those of the need's Sozialraum (or all for a county-wide need), `countyWide` the county-wide ones. */
export const needRunningOffersQuery = graphql(`
  query NeedRunningOffers(
    $areaFilter: OfferFilter!
    $countyWideFilter: OfferFilter!
    $withCountyWide: Boolean!
  ) {
    area: offers(filter: $areaFilter, sort: { field: TITLE, direction: ASC }, limit: 200) {
      nodes {
        ...NeedRunningOffer
      }
    }
    countyWide: offers(filter: $countyWideFilter, sort: { field: TITLE, direction: ASC }, limit: 200)
      @include(if: $withCountyWide) {
      nodes {
        ...NeedRunningOffer
      }
    }
  }
`);

graphql(`
  fragment NeedRunningOffer on Offer {
    id
    title
    countyWide
    socialArea {
      id
      name
    }
    provider {
      id
      name
    }
  }
`);

export const needProvidersQuery = graphql(`
  query NeedProviders {
    providers {
      id
      name
    }
  }
`);

export const recordNeedMutation = graphql(`
  mutation RecordNeed($input: RecordNeedInput!) {
    recordNeed(input: $input) {
      id
    }
  }
`);

export const updateNeedMutation = graphql(`
  mutation UpdateNeed($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      id
      revision
    }
  }
`);

export const decideNeedResourcesMutation = graphql(`
  mutation DecideNeedResources($input: DecideNeedResourcesInput!) {
    decideNeedResources(input: $input) {
      id
      revision
      state
    }
  }
`);

export const decideNeedOfferMutation = graphql(`
  mutation DecideNeedOffer($input: DecideNeedOfferInput!) {
    decideNeedOffer(input: $input) {
      id
      revision
      state
    }
  }
`);

export const recordNeedBodyInvolvementMutation = graphql(`
  mutation RecordNeedBodyInvolvement($input: RecordNeedBodyInvolvementInput!) {
    recordNeedBodyInvolvement(input: $input) {
      id
      revision
    }
  }
`);

export const prioritisationQuery = graphql(`
  query NeedPrioritisation($filter: NeedFilter!) {
    needs(filter: $filter) {
      ...NeedListItem
    }
    socialAreas {
      id
      name
    }
  }
`);

export const prioritiseNeedsMutation = graphql(`
  mutation PrioritiseNeeds($input: PrioritiseNeedsInput!) {
    prioritiseNeeds(input: $input) {
      id
      priority
    }
  }
`);
