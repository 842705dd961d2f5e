import { graphql } from '../gql/index.js';

export const socialAreasQuery = graphql(`
  query AdminSocialAreas($includeInactive: Boolean!) {
    socialAreas(includeInactive: $includeInactive) {
      id
      name
      active
      revision
      regionalTeam {
        id
        name
      }
      viewerCan {
        update
      }
    }
    regionalTeams(includeInactive: true) {
      id
      name
      active
    }
  }
`);

export const createSocialAreaMutation = graphql(`
  mutation CreateSocialArea($input: CreateSocialAreaInput!) {
    createSocialArea(input: $input) {
      id
    }
  }
`);

export const updateSocialAreaMutation = graphql(`
  mutation UpdateSocialArea($input: UpdateSocialAreaInput!) {
    updateSocialArea(input: $input) {
      id
      revision
    }
  }
`);

export const regionalTeamsQuery = graphql(`
  query AdminRegionalTeams($includeInactive: Boolean!) {
    regionalTeams(includeInactive: $includeInactive) {
      id
      name
      active
      revision
      socialAreas {
        id
        name
      }
      viewerCan {
        update
      }
    }
  }
`);

export const createRegionalTeamMutation = graphql(`
  mutation CreateRegionalTeam($input: CreateRegionalTeamInput!) {
    createRegionalTeam(input: $input) {
      id
    }
  }
`);

export const updateRegionalTeamMutation = graphql(`
  mutation UpdateRegionalTeam($input: UpdateRegionalTeamInput!) {
    updateRegionalTeam(input: $input) {
      id
      revision
    }
  }
`);

export const providersQuery = graphql(`
  query AdminProviders($includeInactive: Boolean!) {
    providers(includeInactive: $includeInactive) {
      id
      name
      street
      postalCode
      city
      contactName
      contactEmail
      contactPhone
      active
      revision
      viewerCan {
        update
      }
    }
  }
`);

export const createProviderMutation = graphql(`
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) {
      id
    }
  }
`);

export const updateProviderMutation = graphql(`
  mutation UpdateProvider($input: UpdateProviderInput!) {
    updateProvider(input: $input) {
      id
      revision
    }
  }
`);

export const offerCategoriesQuery = graphql(`
  query AdminOfferCategories($includeInactive: Boolean!) {
    offerCategories(includeInactive: $includeInactive) {
      id
      name
      description
      financingKind
      active
      revision
      viewerCan {
        update
      }
    }
  }
`);

export const createOfferCategoryMutation = graphql(`
  mutation CreateOfferCategory($input: CreateOfferCategoryInput!) {
    createOfferCategory(input: $input) {
      id
    }
  }
`);

export const updateOfferCategoryMutation = graphql(`
  mutation UpdateOfferCategory($input: UpdateOfferCategoryInput!) {
    updateOfferCategory(input: $input) {
      id
      revision
    }
  }
`);

export const budgetYearsQuery = graphql(`
  query AdminBudgetYears($includeInactive: Boolean!) {
    budgetYears(includeInactive: $includeInactive) {
      id
      year
      startsOn
      endsOn
      closed
      revision
      viewerCan {
        update
      }
    }
  }
`);

export const createBudgetYearMutation = graphql(`
  mutation CreateBudgetYear($input: CreateBudgetYearInput!) {
    createBudgetYear(input: $input) {
      id
    }
  }
`);

export const updateBudgetYearMutation = graphql(`
  mutation UpdateBudgetYear($input: UpdateBudgetYearInput!) {
    updateBudgetYear(input: $input) {
      id
      revision
    }
  }
`);
