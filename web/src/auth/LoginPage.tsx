import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { loginMutation } from './api.js';
import { useAuth } from './AuthProvider.js';
import { CHANGE_PASSWORD_PATH, safeTarget, TARGET_PARAM, withTarget } from './targets.js';

const clockTime = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });

/** When sign-in is possible again, as a clock time beside the server's message (which says how long). */
const throttleText = (error: ApiError, blockedUntil: number | null): string | undefined =>
  error.code === 'LIMIT_EXCEEDED' && error.retryAfterSeconds !== undefined && blockedUntil !== null
    ? `Die Anmeldung ist ab ${clockTime.format(new Date(blockedUntil))} Uhr wieder möglich.`
    : undefined;

/** `/anmelden`: sign-in with e-mail and password, then on to the page the user wanted. */
export const LoginPage = () => {
  useDocumentTitle('Anmelden');
  const { session, setUser } = useAuth();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const target = safeTarget(searchParams.get(TARGET_PARAM));
  const reason = (location.state as { reason?: unknown } | null)?.reason;
  const expired = reason === 'expired';
  const signedOut = reason === 'signedOut';

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  useEffect(() => {
    if (blockedUntil === null) return;
    const timer = window.setTimeout(() => setBlockedUntil(null), Math.max(0, blockedUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [blockedUntil]);

  if (session.status === 'loading') return <PageLoading label="Anmeldung wird geprüft …" />;
  if (session.status === 'signed-in' && !busy) {
    return (
      <Navigate
        to={session.user.mustChangePassword ? withTarget(CHANGE_PASSWORD_PATH, target) : target}
        replace
      />
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.email) return emailRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      const { login } = await graphqlRequest(loginMutation, { email: email.trim(), password });
      setUser(login);
      navigate(login.mustChangePassword ? withTarget(CHANGE_PASSWORD_PATH, target) : target, {
        replace: true,
      });
    } catch (caught) {
      const apiError = toApiError(caught);
      setPassword('');
      setError(apiError);
      if (apiError.code === 'LIMIT_EXCEEDED' && apiError.retryAfterSeconds) {
        setBlockedUntil(Date.now() + apiError.retryAfterSeconds * 1000);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 480, mx: 'auto' }}>
      <PageHeading skipFocus={error !== null}>Anmelden</PageHeading>
      <Typography sx={{ mb: 3 }}>
        Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse und Ihrem Passwort an.
      </Typography>
      {expired && !error && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
        </Alert>
      )}
      {signedOut && !error && (
        <Alert severity="success" sx={{ mb: 2 }} role="status">
          Sie wurden abgemeldet.
        </Alert>
      )}
      {error && (
        <Alert
          severity="error"
          role="alert"
          ref={alertRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="login-error"
        >
          {error.message}
          {throttleText(error, blockedUntil) && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="login-wait">
              {throttleText(error, blockedUntil)}
            </Typography>
          )}
          {error.code !== 'UNAUTHENTICATED' && <ErrorCodeNote error={error} />}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
        <Stack
          component="form"
          method="post"
          noValidate
          onSubmit={onSubmit}
          spacing={2}
          aria-label="Anmeldung"
        >
          <TextField
            inputRef={emailRef}
            id="login-email"
            name="email"
            type="email"
            label="E-Mail-Adresse"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={missing.email === true}
            helperText={missing.email ? 'Bitte geben Sie Ihre E-Mail-Adresse ein.' : undefined}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
          <TextField
            inputRef={passwordRef}
            id="login-password"
            name="password"
            type="password"
            label="Passwort"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={missing.password === true}
            helperText={missing.password ? 'Bitte geben Sie Ihr Passwort ein.' : undefined}
          />
          <Button type="submit" variant="contained" size="large" disabled={busy || blockedUntil !== null}>
            {busy ? 'Anmeldung läuft …' : 'Anmelden'}
          </Button>
        </Stack>
      </Paper>
      <Typography variant="body2" sx={{ mt: 2 }} color="text.secondary">
        Passwort vergessen? Bitte wenden Sie sich an die Administration des Fachdienstes Jugend und Familie;
        dort erhalten Sie ein neues Erstpasswort.
      </Typography>
    </Box>
  );
};
