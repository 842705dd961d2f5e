import { CssBaseline, ThemeProvider } from '@mui/material';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout.js';
import { theme } from './theme.js';

// Each page is its own chunk: filling one form never downloads the code of other pages.
const FormListPage = lazy(() =>
  import('../forms/FormListPage.js').then((m) => ({ default: m.FormListPage })),
);
const FormPage = lazy(() => import('../forms/FormPage.js').then((m) => ({ default: m.FormPage })));
const SubmissionPage = lazy(() =>
  import('../forms/SubmissionPage.js').then((m) => ({ default: m.SubmissionPage })),
);
const NotFoundPage = lazy(() => import('./NotFoundPage.js').then((m) => ({ default: m.NotFoundPage })));

/** Root component: theme, router and the page routes. */
export const App = () => (
  <ThemeProvider theme={theme}>
    <CssBaseline />
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<FormListPage />} />
          <Route path="forms/:key" element={<FormPage />} />
          <Route path="submissions/:id" element={<SubmissionPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  </ThemeProvider>
);
