import LogoutIcon from '@mui/icons-material/Logout';
import { AppBar, Box, Button, Container, Link, Toolbar, Typography } from '@mui/material';
import { Suspense, useState } from 'react';
import { Outlet, NavLink as RouterNavLink } from 'react-router';
import { type CurrentUser, useAuth } from '../auth/AuthProvider.js';
import { navigationFor } from './navigation.js';
import { TASK_COUNT_ID, TaskCount } from '../tasks/TaskCount.js';
import { PageLoading } from './PageLoading.js';

const MAIN_ID = 'inhalt';

const skipLinkSx = {
  position: 'absolute',
  left: 8,
  top: -64,
  zIndex: 2000,
  px: 2,
  py: 1,
  bgcolor: 'background.paper',
  color: 'primary.dark',
  fontWeight: 600,
  borderRadius: 1,
  '&:focus': { top: 8 },
} as const;

const navLinkSx = {
  fontWeight: 500,
  '&.active': { textDecorationThickness: '3px' },
  '&:focus-visible': { outline: '3px solid #fff', outlineOffset: '2px' },
} as const;

/** The navigation and the user's name, account and sign-out; nothing before sign-in. */
const SessionNavigation = () => {
  const { session } = useAuth();
  if (session.status !== 'signed-in' || session.user.mustChangePassword) return null;
  return (
    <>
      <MainNavigation user={session.user} />
      <UserMenu user={session.user} />
    </>
  );
};

const MainNavigation = ({ user }: { user: CurrentUser }) => (
  <Box component="nav" aria-label="Hauptnavigation" sx={{ flex: 1 }}>
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', m: 0, p: 0 }}>
      {navigationFor(user.roles).map((item) => (
        <li key={item.to}>
          <Link
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            color="inherit"
            sx={navLinkSx}
            aria-describedby={item.showTaskCount ? TASK_COUNT_ID : undefined}
          >
            {item.label}
          </Link>
          {item.showTaskCount && <TaskCount />}
        </li>
      ))}
    </Box>
  </Box>
);

const UserMenu = ({ user }: { user: CurrentUser }) => {
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const onSignOut = () => {
    setBusy(true);
    // The sign-in page follows once the session is gone (see RequireAuth); if the server cannot be
    // reached, the browser still forgets the user.
    signOut().catch(() => setBusy(false));
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Typography component="p" variant="body2" data-testid="signed-in-user">
        Angemeldet als <strong>{user.displayName}</strong>
      </Typography>
      <Link component={RouterNavLink} to="/konto" color="inherit" sx={navLinkSx}>
        Mein Konto
      </Link>
      <Button
        color="inherit"
        variant="outlined"
        size="small"
        startIcon={<LogoutIcon aria-hidden="true" />}
        onClick={onSignOut}
        disabled={busy}
        sx={{ '&.Mui-focusVisible': { outline: '3px solid #fff', outlineOffset: '2px' } }}
      >
        Abmelden
      </Button>
    </Box>
  );
};

/** Page frame: skip link, banner with navigation, main content, footer. */
export const Layout = () => (
  <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
    <Link href={`#${MAIN_ID}`} sx={skipLinkSx}>
      Zum Inhalt springen
    </Link>
    <AppBar position="static" component="header" elevation={0}>
      <Toolbar sx={{ gap: 3, flexWrap: 'wrap', py: 1 }}>
        <Box>
          <Typography component="p" sx={{ fontWeight: 600, fontSize: '1.125rem', lineHeight: 1.2 }}>
            Sozialraum-Plattform
          </Typography>
          <Typography component="p" variant="body2">
            Landkreis Verden · Fachdienst Jugend und Familie
          </Typography>
        </Box>
        <SessionNavigation />
      </Toolbar>
    </AppBar>
    <Container
      component="main"
      id={MAIN_ID}
      tabIndex={-1}
      maxWidth="lg"
      sx={{ flex: 1, py: { xs: 3, md: 4 }, '&:focus': { outline: 'none' } }}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </Container>
    <Box component="footer" sx={{ py: 2, px: 3, bgcolor: 'grey.200', color: 'text.primary' }}>
      <Typography variant="body2">
        Landkreis Verden · Fachdienst Jugend und Familie (FD 51) · Sozialraumbudget
      </Typography>
    </Box>
  </Box>
);
