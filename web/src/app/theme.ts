import { deDE } from '@mui/material/locale';
import { createTheme } from '@mui/material/styles';

/** Focus ring that stays visible on every background we use (WCAG 2.4.7). */
const focusRing = {
  outline: '3px solid #0d47a1',
  outlineOffset: '2px',
};

/** People who asked their system for less motion get no transitions (WCAG 2.3.3). */
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme = createTheme(
  {
    ...(prefersReducedMotion ? { transitions: { create: () => 'none' } } : {}),
    palette: {
      // #1565c0 on white reaches 5.7:1, white on it the same (WCAG AA).
      primary: { main: '#1565c0' },
      // MUI's #d32f2f falls to 4.4:1 under a hovered outlined button's tint; #c62828 keeps 5.6:1 on white.
      error: { main: '#c62828' },
      background: { default: '#f5f7fa' },
    },
    typography: {
      h1: { fontSize: '2rem', fontWeight: 500, lineHeight: 1.25 },
      h2: { fontSize: '1.5rem', fontWeight: 500, lineHeight: 1.3 },
      h3: { fontSize: '1.25rem', fontWeight: 500, lineHeight: 1.35 },
    },
    components: {
      MuiButton: {
        // German words in capitals are hard to read; keep the normal spelling.
        styleOverrides: { root: { textTransform: 'none', fontSize: '0.9375rem' } },
      },
      MuiTab: {
        // As for buttons: tab labels in their normal spelling.
        styleOverrides: { root: { textTransform: 'none', fontSize: '0.9375rem' } },
      },
      MuiButtonBase: {
        styleOverrides: {
          root: { '&.Mui-focusVisible': focusRing },
        },
      },
      MuiLink: {
        defaultProps: { underline: 'always' },
        styleOverrides: {
          root: { '&:focus-visible': focusRing },
        },
      },
      MuiOutlinedInput: {
        styleOverrides: {
          // MUI's default outline (23 % black) is too faint to make out a field (WCAG 1.4.11 wants 3:1).
          notchedOutline: { borderColor: '#767676' },
        },
      },
      MuiFormHelperText: {
        styleOverrides: {
          // Helper texts carry descriptions users need to read; keep them at body contrast.
          root: { fontSize: '0.8125rem' },
        },
      },
    },
  },
  deDE,
);
