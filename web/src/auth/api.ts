import { graphql } from '../gql/index.js';

graphql(`
  fragment CurrentUser on User {
    id
    email
    displayName
    roles
    mustChangePassword
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
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...CurrentUser
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const changePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ...CurrentUser
    }
  }
`);
