import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequireCan } from './RequireAuth';
import { NotFoundPage } from '../features/errors/ErrorPages';
import { RouteError } from '../features/errors/RouteError';

// Each page is its own chunk, so the first page loads only what it needs.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const PlanListPage = lazy(() => import('../features/plans/PlanListPage'));
const PlanDetailPage = lazy(() => import('../features/plans/PlanDetailPage'));
const PlanOverviewTab = lazy(() =>
  import('../features/plans/PlanDetailPage').then((m) => ({ default: m.PlanOverviewTab })),
);
const PlanFormPage = lazy(() => import('../features/plans/PlanFormPage'));
const CaseMatrixPage = lazy(() => import('../features/portfolio/CaseMatrixPage'));
const PortfolioOverviewPage = lazy(() => import('../features/portfolio/PortfolioOverviewPage'));
const PortfolioIndicatorsPage = lazy(() => import('../features/portfolio/PortfolioIndicatorsPage'));
const PortfolioCompliancePage = lazy(() => import('../features/portfolio/PortfolioCompliancePage'));
const PortfolioGrantsPage = lazy(() => import('../features/portfolio/PortfolioGrantsPage'));
const PortfolioComparePage = lazy(() => import('../features/portfolio/PortfolioComparePage'));
const OrganisationTab = lazy(() => import('../features/organisation/OrganisationTab'));
const AgreementPage = lazy(() => import('../features/organisation/AgreementPage'));
const TypologyPortfolioPage = lazy(() => import('../features/organisation/TypologyPortfolioPage'));
const SecretariatListPage = lazy(() => import('../features/secretariats/SecretariatListPage'));
const SecretariatDetailPage = lazy(() => import('../features/secretariats/SecretariatDetailPage'));
const SharedGoalRollupPage = lazy(() => import('../features/secretariats/SharedGoalRollupPage'));
const SharedIndicatorsPage = lazy(() => import('../features/secretariats/SharedIndicatorsPage'));
const AdminIndexPage = lazy(() => import('../features/admin/AdminIndexPage'));
const MunicipalitiesPage = lazy(() => import('../features/admin/MunicipalitiesPage'));
const HousingOrganisationsPage = lazy(() => import('../features/admin/HousingOrganisationsPage'));
const AreasPage = lazy(() => import('../features/admin/AreasPage'));
const AreaFormPage = lazy(() => import('../features/admin/AreaFormPage'));
const PoolsPage = lazy(() => import('../features/admin/PoolsPage'));
const PoolDetailPage = lazy(() => import('../features/admin/PoolDetailPage'));
const AreaSecretariatsPage = lazy(() => import('../features/admin/AreaSecretariatsPage'));
const MunicipalServicesPage = lazy(() => import('../features/admin/MunicipalServicesPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const UserFormPage = lazy(() => import('../features/admin/UserFormPage'));
const AuditPage = lazy(() => import('../features/admin/AuditPage'));
const GoalsTab = lazy(() => import('../features/results/GoalsTab'));
const ActivitiesTab = lazy(() => import('../features/results/ActivitiesTab'));
const ActivityDetailPage = lazy(() => import('../features/results/ActivityDetailPage'));
const ParticipantsPage = lazy(() => import('../features/results/ParticipantsPage'));
const ReportsTab = lazy(() => import('../features/reports/ReportsTab'));
const ReportPage = lazy(() => import('../features/reports/ReportPage'));
const DataTab = lazy(() => import('../features/data/DataTab'));
const MarkersTab = lazy(() => import('../features/markers/MarkersTab'));
const QuestionnairePage = lazy(() => import('../features/markers/QuestionnairePage'));
const PortfolioMarkersPage = lazy(() => import('../features/markers/PortfolioMarkersPage'));
const CodingPage = lazy(() => import('../features/evaluation/coding/CodingPage'));
const EvalAgreementPage = lazy(() => import('../features/evaluation/analysis/AgreementPage'));
const evalPage = (
  name: 'MatrixPage' | 'DriversBarriersPage' | 'CoOccurrencePage' | 'QuotesPage' | 'FrameworkPage',
) => lazy(() => import('../features/evaluation/analysis/AnalysisPages').then((m) => ({ default: m[name] })));
const EvalMatrixPage = evalPage('MatrixPage');
const EvalDriversBarriersPage = evalPage('DriversBarriersPage');
const EvalCoOccurrencePage = evalPage('CoOccurrencePage');
const EvalQuotesPage = evalPage('QuotesPage');
const EvalFrameworkPage = evalPage('FrameworkPage');
const StudyListPage = lazy(() => import('../features/evaluation/studies/StudyListPage'));
const StudyOverviewPage = lazy(() => import('../features/evaluation/studies/StudyOverviewPage'));
const StudyCasesPage = lazy(() => import('../features/evaluation/studies/StudyCasesPage'));
const StudyCollectionsPage = lazy(() => import('../features/evaluation/studies/StudyCollectionsPage'));
const StudySourcesPage = lazy(() => import('../features/evaluation/studies/StudySourcesPage'));
const StudyCodebookPage = lazy(() => import('../features/evaluation/studies/StudyCodebookPage'));
const TheoryTab = lazy(() => import('../features/theory/TheoryTab'));
const TheoryEditorPage = lazy(() => import('../features/theory/TheoryEditorPage'));
const TheorySearchPage = lazy(() => import('../features/theory/TheorySearchPage'));

const admin = (el: React.ReactNode) => <RequireCan can="administer">{el}</RequireCan>;
const portfolio = (el: React.ReactNode) => <RequireCan can="portfolio">{el}</RequireCan>;
const evaluation = (el: React.ReactNode) => <RequireCan can="evaluation">{el}</RequireCan>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // The public questionnaire behind an invitation link: no login.
  { path: '/questionnaire/:token', element: <QuestionnairePage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'plans', element: <PlanListPage /> },
      { path: 'plans/new', element: <RequireCan can="createPlan">{<PlanFormPage />}</RequireCan> },
      {
        path: 'plans/:id',
        element: <PlanDetailPage />,
        // One child route per tab (features/plans/planTabs.ts).
        children: [
          { index: true, element: <PlanOverviewTab /> },
          { path: 'organisation', element: <OrganisationTab /> },
          { path: 'organisation/agreement', element: <AgreementPage /> },
          { path: 'goals', element: <GoalsTab /> },
          { path: 'activities', element: <ActivitiesTab /> },
          { path: 'activities/participants', element: <ParticipantsPage /> },
          { path: 'activities/:activityId', element: <ActivityDetailPage /> },
          { path: 'reports', element: <ReportsTab /> },
          { path: 'reports/:reportId', element: <ReportPage /> },
          { path: 'data', element: <DataTab /> },
          { path: 'markers', element: <MarkersTab /> },
          { path: 'theory-of-change', element: <TheoryTab /> },
          { path: 'theory-of-change/:theoryId', element: <TheoryEditorPage /> },
        ],
      },
      { path: 'plans/:id/edit', element: <PlanFormPage /> },
      { path: 'portfolio', element: portfolio(<PortfolioOverviewPage />) },
      { path: 'portfolio/indicators', element: portfolio(<PortfolioIndicatorsPage />) },
      { path: 'portfolio/compliance', element: portfolio(<PortfolioCompliancePage />) },
      { path: 'portfolio/grants', element: portfolio(<PortfolioGrantsPage />) },
      { path: 'portfolio/compare', element: portfolio(<PortfolioComparePage />) },
      { path: 'portfolio/markers', element: portfolio(<PortfolioMarkersPage />) },
      { path: 'portfolio/case-matrix', element: <CaseMatrixPage /> },
      { path: 'portfolio/typology', element: <TypologyPortfolioPage /> },
      { path: 'theories/search', element: <TheorySearchPage /> },
      { path: 'secretariats', element: <SecretariatListPage /> },
      { path: 'secretariats/:id', element: <SecretariatDetailPage /> },
      { path: 'secretariats/:id/shared-goals/:goalId', element: <SharedGoalRollupPage /> },
      { path: 'portfolio/shared-indicators', element: portfolio(<SharedIndicatorsPage />) },
      { path: 'evaluation/studies/:studyId/sources/:sourceId', element: evaluation(<CodingPage />) },
      { path: 'evaluation/studies/:studyId/analysis', element: evaluation(<EvalMatrixPage />) },
      {
        path: 'evaluation/studies/:studyId/analysis/drivers-barriers',
        element: evaluation(<EvalDriversBarriersPage />),
      },
      {
        path: 'evaluation/studies/:studyId/analysis/co-occurrence',
        element: evaluation(<EvalCoOccurrencePage />),
      },
      { path: 'evaluation/studies/:studyId/analysis/quotes', element: evaluation(<EvalQuotesPage />) },
      { path: 'evaluation/studies/:studyId/analysis/framework', element: evaluation(<EvalFrameworkPage />) },
      { path: 'evaluation/studies/:studyId/agreement', element: evaluation(<EvalAgreementPage />) },
      { path: 'admin', element: admin(<AdminIndexPage />) },
      { path: 'admin/municipalities', element: admin(<MunicipalitiesPage />) },
      { path: 'admin/housing-organisations', element: admin(<HousingOrganisationsPage />) },
      { path: 'admin/areas', element: admin(<AreasPage />) },
      { path: 'admin/areas/new', element: admin(<AreaFormPage />) },
      { path: 'admin/areas/:id', element: admin(<AreaFormPage />) },
      { path: 'admin/pools', element: admin(<PoolsPage />) },
      { path: 'admin/pools/:id', element: admin(<PoolDetailPage />) },
      { path: 'admin/area-secretariats', element: admin(<AreaSecretariatsPage />) },
      { path: 'admin/municipal-services', element: admin(<MunicipalServicesPage />) },
      { path: 'admin/users', element: admin(<UsersPage />) },
      { path: 'admin/users/new', element: admin(<UserFormPage />) },
      { path: 'admin/users/:id', element: admin(<UserFormPage />) },
      { path: 'admin/audit', element: admin(<AuditPage />) },
      { path: 'evaluation', element: evaluation(<StudyListPage />) },
      { path: 'evaluation/studies/:studyId', element: evaluation(<StudyOverviewPage />) },
      { path: 'evaluation/studies/:studyId/cases', element: evaluation(<StudyCasesPage />) },
      { path: 'evaluation/studies/:studyId/data-collection', element: evaluation(<StudyCollectionsPage />) },
      { path: 'evaluation/studies/:studyId/sources', element: evaluation(<StudySourcesPage />) },
      { path: 'evaluation/studies/:studyId/codebook', element: evaluation(<StudyCodebookPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
