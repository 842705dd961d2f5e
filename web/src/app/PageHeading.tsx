import { Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

interface PageHeadingProps {
  children: ReactNode;
  /** Set when the page renders its own error summary that should get focus instead. */
  skipFocus?: boolean;
}

/**
 * The one `<h1>` of a page. After a client-side navigation it receives focus, so screen readers
 * announce the new page and keyboard users continue from its top.
 */
export const PageHeading = ({ children, skipFocus = false }: PageHeadingProps) => {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    // react-router gives the first page load the key "default"; there the browser manages focus.
    if (location.key !== 'default' && !skipFocus) ref.current?.focus();
  }, [location.key, skipFocus]);

  return (
    <Typography
      ref={ref}
      variant="h1"
      component="h1"
      tabIndex={-1}
      gutterBottom
      sx={{ '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #0d47a1' } }}
    >
      {children}
    </Typography>
  );
};
