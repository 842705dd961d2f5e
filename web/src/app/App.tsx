import { CssBaseline, ThemeProvider } from '@mui/material';
import { type ComponentType, lazy } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { AuthProvider } from '../auth/AuthProvider.js';
import { RequireAuth, RequireRole } from '../auth/RequireAuth.js';
import { BUDGET_READER_ROLES } from '../budget/roles.js';
import { NEED_READER_ROLES } from '../needs/roles.js';
import { NOTICE_QUEUE_ROLES } from '../notices/roles.js';
import { EVALUATION_READER_ROLES, OVERDUE_READER_ROLES } from '../evaluations/labels.js';
import { REPORT_READER_ROLES } from '../reports/roles.js';
import { Layout } from './Layout.js';
import { theme } from './theme.js';

// Each page is its own chunk: filling one form never downloads the code of other pages.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const FormListPage = page(() => import('../forms/FormListPage.js'), 'FormListPage');
const FormPage = page(() => import('../forms/FormPage.js'), 'FormPage');
const SubmissionPage = page(() => import('../forms/SubmissionPage.js'), 'SubmissionPage');
const SubmissionListPage = page(() => import('../forms/SubmissionListPage.js'), 'SubmissionListPage');
const LoginPage = page(() => import('../auth/LoginPage.js'), 'LoginPage');
const AccountPage = page(() => import('../account/AccountPage.js'), 'AccountPage');
const ChangePasswordPage = page(() => import('../account/ChangePasswordPage.js'), 'ChangePasswordPage');
const AdminHomePage = page(() => import('../admin/AdminHomePage.js'), 'AdminHomePage');
const SocialAreasPage = page(() => import('../admin/SocialAreasPage.js'), 'SocialAreasPage');
const RegionalTeamsPage = page(() => import('../admin/RegionalTeamsPage.js'), 'RegionalTeamsPage');
const ProvidersPage = page(() => import('../admin/ProvidersPage.js'), 'ProvidersPage');
const OfferCategoriesPage = page(() => import('../admin/OfferCategoriesPage.js'), 'OfferCategoriesPage');
const BudgetYearsPage = page(() => import('../admin/BudgetYearsPage.js'), 'BudgetYearsPage');
const UsersPage = page(() => import('../admin/UsersPage.js'), 'UsersPage');
const AuditLogPage = page(() => import('../admin/AuditLogPage.js'), 'AuditLogPage');
const NeedListPage = page(() => import('../needs/NeedListPage.js'), 'NeedListPage');
const NeedPage = page(() => import('../needs/NeedPage.js'), 'NeedPage');
const PrioritisationPage = page(() => import('../needs/PrioritisationPage.js'), 'PrioritisationPage');
const OfferListPage = page(() => import('../offers/OfferListPage.js'), 'OfferListPage');
const OfferPage = page(() => import('../offers/OfferPage.js'), 'OfferPage');
const EvaluationListPage = page(() => import('../evaluations/EvaluationListPage.js'), 'EvaluationListPage');
const EvaluationPage = page(() => import('../evaluations/EvaluationPage.js'), 'EvaluationPage');
const OverdueEvaluationsPage = page(
  () => import('../evaluations/OverdueEvaluationsPage.js'),
  'OverdueEvaluationsPage',
);
const CallListPage = page(() => import('../applications/CallListPage.js'), 'CallListPage');
const CallPage = page(() => import('../applications/CallPage.js'), 'CallPage');
const ApplicationListPage = page(
  () => import('../applications/ApplicationListPage.js'),
  'ApplicationListPage',
);
const ApplicationPage = page(() => import('../applications/ApplicationPage.js'), 'ApplicationPage');
const ScoringPage = page(() => import('../scoring/ScoringPage.js'), 'ScoringPage');
const RankingPage = page(() => import('../scoring/RankingPage.js'), 'RankingPage');
const TaskListPage = page(() => import('../tasks/TaskListPage.js'), 'TaskListPage');
const DecisionListPage = page(() => import('../decisions/DecisionListPage.js'), 'DecisionListPage');
const DecisionPage = page(() => import('../decisions/DecisionPage.js'), 'DecisionPage');
const NoticeListPage = page(() => import('../notices/NoticeListPage.js'), 'NoticeListPage');
const NoticePage = page(() => import('../notices/NoticePage.js'), 'NoticePage');
const BudgetPage = page(() => import('../budget/BudgetPage.js'), 'BudgetPage');
const BuilderPage = page(() => import('../form-builder/BuilderPage.js'), 'BuilderPage');
const FormAdminListPage = page(() => import('../form-admin/FormAdminListPage.js'), 'FormAdminListPage');
const FormVersionsPage = page(() => import('../form-admin/FormVersionsPage.js'), 'FormVersionsPage');
const FormDiffPage = page(() => import('../form-admin/FormDiffPage.js'), 'FormDiffPage');
const PublishPage = page(() => import('../form-admin/PublishPage.js'), 'PublishPage');
const DashboardPage = page(() => import('../reports/DashboardPage.js'), 'DashboardPage');
const ReportPage = page(() => import('../reports/ReportPage.js'), 'ReportPage');
const OfferReportPage = page(() => import('../reports/ReportPage.js'), 'OfferReportPage');
const ReportEditorListPage = page(() => import('../reports/ReportEditorListPage.js'), 'ReportEditorListPage');
const ReportEditorPage = page(() => import('../reports/ReportEditorPage.js'), 'ReportEditorPage');
const NotFoundPage = page(() => import('./NotFoundPage.js'), 'NotFoundPage');

/** Root component: theme, session, router and the page routes. */
export const App = () => (
  <ThemeProvider theme={theme}>
    <CssBaseline />
    <AuthProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="anmelden" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<FormListPage />} />
              <Route path="aufgaben" element={<TaskListPage />} />
              <Route path="forms/:key" element={<FormPage />} />
              <Route path="submissions/:id" element={<SubmissionPage />} />
              <Route path="einreichungen" element={<SubmissionListPage />} />
              <Route path="konto" element={<AccountPage />} />
              <Route path="passwort-aendern" element={<ChangePasswordPage />} />
              <Route
                path="bedarfe"
                element={
                  <RequireRole roles={NEED_READER_ROLES}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route index element={<NeedListPage />} />
                <Route path="priorisierung/:area" element={<PrioritisationPage />} />
                <Route path=":id" element={<NeedPage />} />
              </Route>
              <Route path="angebote" element={<OfferListPage />} />
              <Route path="angebote/:id" element={<OfferPage />} />
              <Route
                path="entscheidungen"
                element={
                  <RequireRole roles={NOTICE_QUEUE_ROLES}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route index element={<DecisionListPage />} />
                <Route path=":id" element={<DecisionPage />} />
              </Route>
              <Route
                path="budget"
                element={
                  <RequireRole roles={BUDGET_READER_ROLES}>
                    <BudgetPage />
                  </RequireRole>
                }
              />
              <Route path="bescheide" element={<NoticeListPage />} />
              <Route path="bescheide/:id" element={<NoticePage />} />
              <Route
                path="evaluationen"
                element={
                  <RequireRole roles={EVALUATION_READER_ROLES}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route index element={<EvaluationListPage />} />
                <Route
                  path="ueberfaellig"
                  element={
                    <RequireRole roles={OVERDUE_READER_ROLES}>
                      <OverdueEvaluationsPage />
                    </RequireRole>
                  }
                />
                <Route path=":id" element={<EvaluationPage />} />
              </Route>
              <Route
                path="berichte"
                element={
                  <RequireRole roles={REPORT_READER_ROLES}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="angebote" element={<OfferReportPage />} />
                <Route path=":key" element={<ReportPage />} />
              </Route>
              <Route path="aufrufe" element={<CallListPage />} />
              <Route path="aufrufe/:id" element={<CallPage />} />
              <Route path="interessensbekundungen" element={<ApplicationListPage />} />
              <Route path="interessensbekundungen/:id" element={<ApplicationPage />} />
              <Route
                path="bewertungen"
                element={
                  <RequireRole roles={NEED_READER_ROLES}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route path="rangfolge/:needId" element={<RankingPage />} />
                <Route path=":applicationId" element={<ScoringPage />} />
              </Route>
              <Route
                path="verwaltung"
                element={
                  <RequireRole roles={['ADMIN']}>
                    <Outlet />
                  </RequireRole>
                }
              >
                <Route index element={<AdminHomePage />} />
                <Route path="sozialraeume" element={<SocialAreasPage />} />
                <Route path="regionalteams" element={<RegionalTeamsPage />} />
                <Route path="traeger" element={<ProvidersPage />} />
                <Route path="angebotsarten" element={<OfferCategoriesPage />} />
                <Route path="haushaltsjahre" element={<BudgetYearsPage />} />
                <Route path="benutzer" element={<UsersPage />} />
                <Route path="protokoll" element={<AuditLogPage />} />
                <Route path="formulare" element={<FormAdminListPage />} />
                <Route path="formulare/:key" element={<FormVersionsPage />} />
                <Route path="formulare/:key/vergleich" element={<FormDiffPage />} />
                <Route path="formulare/:key/veroeffentlichen/:versionId" element={<PublishPage />} />
                <Route path="formulare/:key/entwurf/:versionId" element={<BuilderPage />} />
                <Route path="berichte" element={<ReportEditorListPage />} />
                <Route path="berichte/neu" element={<ReportEditorPage />} />
                <Route path="berichte/:key" element={<ReportEditorPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  </ThemeProvider>
);
