import { graphql } from '../gql/index.js';

graphql(`
  fragment AdminUser on User {
    id
    email
    displayName
    roles
    active
    mustChangePassword
    revision
    createdAt
    provider {
      id
      name
    }
    regionalTeam {
      id
      name
    }
    socialAreas {
      id
      name
    }
    viewerCan {
      update
      resetPassword
      deactivate
      reactivate
    }
  }
`);

export const usersQuery = graphql(`
  query AdminUsers {
    users {
      ...AdminUser
    }
    providers(includeInactive: true) {
      id
      name
      active
    }
    regionalTeams(includeInactive: true) {
      id
      name
      active
    }
    socialAreas(includeInactive: true) {
      id
      name
      active
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...AdminUser
      }
      initialPassword
    }
  }
`);

export const updateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...AdminUser
    }
  }
`);

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($id: UUID!) {
    resetPassword(id: $id) {
      user {
        ...AdminUser
      }
      initialPassword
    }
  }
`);

export const deactivateUserMutation = graphql(`
  mutation DeactivateUser($id: UUID!) {
    deactivateUser(id: $id) {
      ...AdminUser
    }
  }
`);

export const reactivateUserMutation = graphql(`
  mutation ReactivateUser($id: UUID!) {
    reactivateUser(id: $id) {
      ...AdminUser
    }
  }
`);
