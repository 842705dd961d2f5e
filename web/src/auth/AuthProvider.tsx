import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { graphqlRequest, onSessionError } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import type { CurrentUserFragment } from '../gql/graphql.js';
import { logoutMutation, meQuery } from './api.js';

export type CurrentUser = CurrentUserFragment;

export type SessionState =
  | { status: 'loading' }
  /** `expired`: a request found the session gone; `signedOut`: the user signed out. */
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signedOut' }
  | { status: 'signed-in'; user: CurrentUser }
  | { status: 'error'; error: ApiError };

interface AuthContextValue {
  session: SessionState;
  /** Takes the user a sign-in or password change answered with. */
  setUser: (user: CurrentUser) => void;
  /** Ends the session on the server and forgets the user. */
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in. */
  reload: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Knows who is signed in (`me`) and notices when any request finds the session gone. */
export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(meQuery, undefined, { signal: controller.signal }).then(
      ({ me }) => setSession({ status: 'signed-in', user: me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setSession(
          apiError.code === 'UNAUTHENTICATED'
            ? { status: 'signed-out', reason: 'none' }
            : { status: 'error', error: apiError },
        );
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onSessionError((error) => {
        if (error.code === 'UNAUTHENTICATED') {
          setSession((current) =>
            current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current,
          );
        } else {
          // PASSWORD_CHANGE_REQUIRED: `me` now says so, and the guard sends the user to change it.
          setAttempt((n) => n + 1);
        }
      }),
    [],
  );

  const setUser = useCallback((user: CurrentUser) => setSession({ status: 'signed-in', user }), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const signOut = useCallback(async () => {
    try {
      await graphqlRequest(logoutMutation, undefined);
    } finally {
      setSession({ status: 'signed-out', reason: 'signedOut' });
    }
  }, []);

  const value = useMemo(() => ({ session, setUser, signOut, reload }), [session, setUser, signOut, reload]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
};

/** The session and what can be done with it. */
export const useAuth = (): AuthContextValue => {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth is used outside <AuthProvider>');
  return value;
};

/** The signed-in user; only for pages behind <RequireAuth>. */
export const useCurrentUser = (): CurrentUser => {
  const { session } = useAuth();
  if (session.status !== 'signed-in') throw new Error('useCurrentUser is used outside <RequireAuth>');
  return session.user;
};
