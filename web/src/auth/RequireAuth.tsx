import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { Role } from '../gql/graphql.js';
import { useAuth } from './AuthProvider.js';
import { holdsAnyRole } from './roles.js';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, withTarget } from './targets.js';

/**
 * Lets signed-in users through: everyone else goes to the sign-in page (which brings them back
 * here), and a user who must change the password goes to that page first.
 */
export const RequireAuth = () => {
  const { session, reload } = useAuth();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (session.status === 'loading') return <PageLoading label="Anmeldung wird geprüft …" />;
  if (session.status === 'error') {
    return (
      <>
        <PageHeading>Anmeldung konnte nicht geprüft werden</PageHeading>
        <ErrorState error={session.error} onRetry={reload} />
      </>
    );
  }
  if (session.status === 'signed-out') {
    // After signing out, the next person starts on the start page, not on the last one's.
    const target = session.reason === 'signedOut' ? LOGIN_PATH : withTarget(LOGIN_PATH, here);
    return <Navigate to={target} replace state={{ reason: session.reason }} />;
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={withTarget(CHANGE_PASSWORD_PATH, here)} replace />;
  }
  return <Outlet />;
};

/** Shows its children only to callers holding one of `roles`; the server checks again on every request. */
export const RequireRole = ({ roles, children }: { roles: readonly Role[]; children: ReactNode }) => {
  const { session } = useAuth();
  const allowed = session.status === 'signed-in' && holdsAnyRole(session.user.roles, roles);
  return allowed ? <>{children}</> : <NotAllowed />;
};

const NotAllowed = () => {
  useDocumentTitle('Keine Berechtigung');
  return (
    <>
      <PageHeading>Keine Berechtigung</PageHeading>
      <p>Diese Seite steht Ihrer Rolle nicht zur Verfügung.</p>
    </>
  );
};
