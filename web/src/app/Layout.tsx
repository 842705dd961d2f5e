import { AppBar, Box, Container, Link, Toolbar, Typography } from '@mui/material';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterNavLink } from 'react-router';
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
        <Box component="nav" aria-label="Hauptnavigation">
          <Box component="ul" sx={{ display: 'flex', gap: 2, listStyle: 'none', m: 0, p: 0 }}>
            <li>
              <Link
                component={RouterNavLink}
                to="/"
                end
                color="inherit"
                sx={{
                  fontWeight: 500,
                  '&.active': { textDecorationThickness: '3px' },
                  '&:focus-visible': { outline: '3px solid #fff', outlineOffset: '2px' },
                }}
              >
                Formulare
              </Link>
            </li>
          </Box>
        </Box>
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
