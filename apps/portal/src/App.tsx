import { lazy, Suspense, type ReactNode } from 'react';
import { Result, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './api/types';
import { useAuth } from './auth/AuthContext';
import { AppLayout } from './layout/AppLayout';
import { Home } from './pages/Home';
import { Login } from './pages/auth/Login';

// Role pages load on demand: the sign-in and home pages stay small and fast.
const Register = lazy(() => import('./pages/auth/Register'));
const AcceptInvitation = lazy(() => import('./pages/auth/AcceptInvitation'));
const ConfirmEmail = lazy(() => import('./pages/auth/ConfirmEmail'));
const NeedForm = lazy(() => import('./pages/company/NeedForm'));
const MyNeeds = lazy(() => import('./pages/company/MyNeeds'));
const NeedRecommendations = lazy(() => import('./pages/company/NeedRecommendations'));
const Connections = lazy(() => import('./pages/company/Connections'));
const ConnectionDetail = lazy(() => import('./pages/company/ConnectionDetail'));
const Achievements = lazy(() => import('./pages/tto/Achievements'));
const AchievementForm = lazy(() => import('./pages/tto/AchievementForm'));
const Imports = lazy(() => import('./pages/tto/Imports'));
const Researchers = lazy(() => import('./pages/tto/Researchers'));
const Matches = lazy(() => import('./pages/tto/Matches'));
const ReviewQueue = lazy(() => import('./pages/manager/ReviewQueue'));
const ReviewDetail = lazy(() => import('./pages/manager/ReviewDetail'));
const Moderation = lazy(() => import('./pages/manager/Moderation'));
const WorkloadPage = lazy(() => import('./pages/manager/Workload'));
const Organisations = lazy(() => import('./pages/admin/Organisations'));
const Taxonomies = lazy(() => import('./pages/admin/Taxonomies'));
const Queues = lazy(() => import('./pages/admin/Queues'));
const Kpis = lazy(() => import('./pages/admin/Kpis'));
const ManagerRecord = lazy(() => import('./pages/records/ManagerRecord'));
const ManagerRanking = lazy(() => import('./pages/records/ManagerRanking'));
const InventionRegister = lazy(() => import('./pages/records/Register'));
const Search = lazy(() => import('./pages/Search'));
const Team = lazy(() => import('./pages/Team'));
const Inbox = lazy(() => import('./pages/Inbox'));
const Deals = lazy(() => import('./pages/deals/Deals'));
const DealRoom = lazy(() => import('./pages/deals/DealRoom'));
const IncomeDistribution = lazy(() => import('./pages/tto/IncomeDistribution'));
const AchievementDetail = lazy(() => import('./pages/detail/AchievementDetail'));
const NeedDetail = lazy(() => import('./pages/detail/NeedDetail'));
const ResearcherDetail = lazy(() => import('./pages/detail/ResearcherDetail'));
const ChallengeBoard = lazy(() => import('./pages/challenges/ChallengeBoard'));
const ChallengeDetail = lazy(() => import('./pages/challenges/ChallengeDetail'));
const PublishChallenge = lazy(() => import('./pages/challenges/PublishChallenge'));
const Judging = lazy(() => import('./pages/challenges/Judging'));
const ProposalLink = lazy(() => import('./pages/challenges/ProposalLink'));
const Commissioners = lazy(() => import('./pages/admin/Commissioners'));
const CommissionerWork = lazy(() => import('./pages/commissioner/CommissionerWork'));
const MinedNeeds = lazy(() => import('./pages/company/MinedNeeds'));
const MinedNeed = lazy(() => import('./pages/company/MinedNeeds').then((m) => ({ default: m.MinedNeed })));
const SavedSearches = lazy(() => import('./pages/SavedSearches'));
const Unsubscribe = lazy(() => import('./pages/SavedSearches').then((m) => ({ default: m.Unsubscribe })));
const Platforms = lazy(() => import('./pages/services/Platforms'));
const MyPlatform = lazy(() => import('./pages/services/MyPlatform'));
const Quotes = lazy(() => import('./pages/services/Quotes'));
const QuoteRequest = lazy(() => import('./pages/services/QuoteRequest'));
const QuoteDetail = lazy(() => import('./pages/services/QuoteDetail'));

function Loading() {
  return (
    <div className="page-loading">
      <Spin size="large" />
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

/** Lets through only the given roles; others see a refusal, not a broken page. */
function Only({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useAuth();
  const { t } = useTranslation();
  if (me && !roles.includes(me.user.role)) return <Result status="403" title={t('common.forbidden')} />;
  return <>{children}</>;
}

function SignedIn() {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppLayout />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/invitations/accept" element={<AcceptInvitation />} />
          <Route path="/confirm" element={<ConfirmEmail />} />
          <Route path="/saved-searches/unsubscribe" element={<Unsubscribe />} />
          <Route element={<SignedIn />}>
            <Route index element={<Home />} />
            <Route path="needs" element={<Only roles={['enterprise']} children={<MyNeeds />} />} />
            <Route path="needs/new" element={<Only roles={['enterprise']} children={<NeedForm />} />} />
            <Route path="needs/:id/edit" element={<Only roles={['enterprise']} children={<NeedForm />} />} />
            <Route
              path="needs/:id/recommendations"
              element={<Only roles={['enterprise']} children={<NeedRecommendations />} />}
            />
            <Route path="connections" element={<Only roles={['enterprise', 'tto']} children={<Connections />} />} />
            <Route
              path="connections/:id"
              element={<Only roles={['enterprise', 'tto']} children={<ConnectionDetail />} />}
            />
            <Route path="achievements" element={<Only roles={['tto']} children={<Achievements />} />} />
            <Route path="achievements/new" element={<Only roles={['tto']} children={<AchievementForm />} />} />
            <Route path="achievements/:id/edit" element={<Only roles={['tto']} children={<AchievementForm />} />} />
            <Route path="achievements/:id/recommendations" element={<Only roles={['tto']} children={<Matches />} />} />
            <Route path="matches" element={<Only roles={['tto']} children={<Matches />} />} />
            <Route path="imports" element={<Only roles={['tto']} children={<Imports />} />} />
            <Route path="researchers" element={<Only roles={['tto']} children={<Researchers />} />} />
            <Route path="income" element={<Only roles={['tto']} children={<IncomeDistribution />} />} />
            <Route path="deals" element={<Only roles={['enterprise', 'tto', 'manager']} children={<Deals />} />} />
            <Route
              path="deals/:id"
              element={<Only roles={['enterprise', 'tto', 'manager']} children={<DealRoom />} />}
            />
            <Route path="reviews" element={<Only roles={['manager', 'admin']} children={<ReviewQueue />} />} />
            <Route path="reviews/:id" element={<Only roles={['manager', 'admin']} children={<ReviewDetail />} />} />
            <Route path="moderation" element={<Only roles={['manager', 'admin']} children={<Moderation />} />} />
            <Route path="workload" element={<Only roles={['manager', 'admin']} children={<WorkloadPage />} />} />
            <Route path="record" element={<Only roles={['manager']} children={<ManagerRecord />} />} />
            <Route path="invention-register" element={<Only roles={['tto']} children={<InventionRegister />} />} />
            <Route path="admin/managers" element={<Only roles={['admin']} children={<ManagerRanking />} />} />
            <Route path="admin/managers/:userId" element={<Only roles={['admin']} children={<ManagerRecord />} />} />
            <Route path="admin/register/:orgId" element={<Only roles={['admin']} children={<InventionRegister />} />} />
            <Route path="admin/organisations" element={<Only roles={['admin']} children={<Organisations />} />} />
            <Route path="admin/taxonomies" element={<Only roles={['admin']} children={<Taxonomies />} />} />
            <Route path="admin/queues" element={<Only roles={['admin']} children={<Queues />} />} />
            <Route path="admin/kpis" element={<Only roles={['admin']} children={<Kpis />} />} />
            <Route
              path="needs/:id/challenge"
              element={<Only roles={['enterprise']} children={<PublishChallenge />} />}
            />
            <Route path="challenges" element={<ChallengeBoard />} />
            <Route path="challenges/:id" element={<ChallengeDetail />} />
            <Route
              path="challenges/:id/judging"
              element={<Only roles={['enterprise', 'manager']} children={<Judging />} />}
            />
            <Route
              path="proposals/:id"
              element={<Only roles={['enterprise', 'tto', 'manager']} children={<ProposalLink />} />}
            />
            <Route path="admin/commissioners" element={<Only roles={['admin']} children={<Commissioners />} />} />
            <Route path="commissioner" element={<Only roles={['tto']} children={<CommissionerWork />} />} />
            <Route path="mined-needs" element={<Only roles={['enterprise']} children={<MinedNeeds />} />} />
            <Route path="mined-needs/:id" element={<Only roles={['enterprise']} children={<MinedNeed />} />} />
            <Route path="saved-searches" element={<SavedSearches />} />
            <Route path="service-platforms" element={<Platforms />} />
            <Route
              path="service-platforms/mine"
              element={<Only roles={['enterprise', 'tto']} children={<MyPlatform />} />}
            />
            <Route path="service-quotes" element={<Only roles={['enterprise', 'tto']} children={<Quotes />} />} />
            <Route
              path="service-quotes/new"
              element={<Only roles={['enterprise', 'tto']} children={<QuoteRequest />} />}
            />
            <Route
              path="service-quotes/:id"
              element={<Only roles={['enterprise', 'tto']} children={<QuoteDetail />} />}
            />
            <Route path="search" element={<Search />} />
            <Route path="achievements/:id" element={<AchievementDetail />} />
            <Route path="needs/:id" element={<NeedDetail />} />
            <Route path="researchers/:id" element={<ResearcherDetail />} />
            <Route path="team" element={<Team />} />
            <Route path="inbox" element={<Inbox />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
