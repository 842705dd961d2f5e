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
