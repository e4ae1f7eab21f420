import { Alert, Button, Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { DealSummary } from '../api/deals';
import type {
  ConnectionSummary,
  InboxItem,
  Achievement,
  Need,
  Organisation,
  Page,
  QueuesOverview,
  Researcher,
  Role,
  Workload,
} from '../api/types';
import { useMe } from '../auth/AuthContext';
import { InboxEntry } from '../components/InboxEntry';
import { LicenceCard } from '../components/LicenceUpload';
import { formatNumber } from '../format';

interface Figure {
  key: string;
  label: string;
  value: number | undefined;
  link: string;
  warn?: boolean;
}

function Figures({ figures }: { figures: Figure[] }) {
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col xs={12} md={6} key={f.key}>
          <Link to={f.link}>
            <Card hoverable data-testid={`figure-${f.key}`}>
              <Statistic
                title={f.label}
                value={f.value ?? '…'}
                formatter={(v) => (typeof v === 'number' ? formatNumber(v) : v)}
                styles={{ content: f.warn && (f.value ?? 0) > 0 ? { color: '#cf1322' } : undefined }}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

const total = (page: { total: number } | undefined): number | undefined => page?.total;

/** The deals the caller takes part in (as company, institution or broker), counted. */
function useDealCount(): number | undefined {
  const deals = useQuery({ queryKey: ['deals', 'count'], queryFn: () => api<Page<DealSummary>>('/deals?pageSize=1') });
  return total(deals.data);
}

function EnterpriseFigures() {
  const { t } = useTranslation();
  const needs = useQuery({ queryKey: ['needs', 'count'], queryFn: () => api<Page<Need>>('/needs?pageSize=1') });
  const published = useQuery({
    queryKey: ['needs', 'count', 'published'],
    queryFn: () => api<Page<Need>>('/needs?pageSize=1&status=published'),
  });
  const connections = useQuery({
    queryKey: ['connections', 'count'],
    queryFn: () => api<Page<ConnectionSummary>>('/connections?pageSize=1'),
  });
  const deals = useDealCount();
  return (
    <Figures
      figures={[
        { key: 'needs', label: t('home.myNeeds'), value: total(needs.data), link: '/needs' },
        { key: 'published', label: t('home.published'), value: total(published.data), link: '/needs' },
        { key: 'connections', label: t('home.connections'), value: total(connections.data), link: '/connections' },
        { key: 'deals', label: t('home.deals'), value: deals, link: '/deals' },
      ]}
    />
  );
}

function TtoFigures() {
  const { t } = useTranslation();
  const achievements = useQuery({
    queryKey: ['achievements', 'count'],
    queryFn: () => api<Page<Achievement>>('/achievements?pageSize=1'),
  });
  const researchers = useQuery({
    queryKey: ['researchers', 'count'],
    queryFn: () => api<Page<Researcher>>('/researchers?pageSize=1'),
  });
  const connections = useQuery({
    queryKey: ['connections', 'count'],
    queryFn: () => api<Page<ConnectionSummary>>('/connections?pageSize=1'),
  });
  const deals = useDealCount();
  return (
    <Figures
      figures={[
        { key: 'achievements', label: t('home.achievements'), value: total(achievements.data), link: '/achievements' },
        { key: 'researchers', label: t('home.researchers'), value: total(researchers.data), link: '/researchers' },
        { key: 'connections', label: t('home.connections'), value: total(connections.data), link: '/connections' },
        { key: 'deals', label: t('home.deals'), value: deals, link: '/deals' },
      ]}
    />
  );
}

function ManagerFigures({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const workload = useQuery({ queryKey: ['workload'], queryFn: () => api<Workload>('/reviews/workload') });
  const mine = workload.data?.managers.find((m) => m.userId === userId);
  const deals = useDealCount();
  return (
    <Figures
      figures={[
        { key: 'mine', label: t('home.pendingReviews'), value: workload.data && (mine?.open ?? 0), link: '/reviews' },
        {
          key: 'overdue',
          label: t('home.overdue'),
          value: workload.data && (mine?.overdue ?? 0),
          link: '/reviews',
          warn: true,
        },
        { key: 'unassigned', label: t('home.unassigned'), value: workload.data?.unassigned.open, link: '/reviews' },
        { key: 'deals', label: t('home.brokered'), value: deals, link: '/deals' },
      ]}
    />
  );
}

function AdminFigures() {
  const { t } = useTranslation();
  const orgs = useQuery({
    queryKey: ['admin', 'organisations', 'pending', 'count'],
    queryFn: () => api<Page<Organisation>>('/admin/organisations?status=pending&limit=1'),
  });
  const queues = useQuery({ queryKey: ['admin', 'queues'], queryFn: () => api<QueuesOverview>('/admin/queues') });
  const failed = queues.data?.queues.reduce((sum, q) => sum + q.failed, 0);
  return (
    <Figures
      figures={[
        { key: 'orgs', label: t('home.pendingOrgs'), value: orgs.data?.total, link: '/admin/organisations' },
        { key: 'failed', label: t('home.failedJobs'), value: failed, link: '/admin/queues', warn: true },
        { key: 'outbox', label: t('home.outbox'), value: queues.data?.outbox.pending, link: '/admin/queues' },
      ]}
    />
  );
}

const QUICK: Record<Role, { to: string; label: string }[]> = {
  enterprise: [
    { to: '/needs/new', label: 'nav.newNeed' },
    { to: '/needs', label: 'nav.needs' },
    { to: '/search', label: 'nav.search' },
  ],
  tto: [
    { to: '/achievements/new', label: 'achievement.new' },
    { to: '/imports', label: 'nav.import' },
    { to: '/matches', label: 'nav.matches' },
  ],
  manager: [
    { to: '/reviews', label: 'nav.reviews' },
    { to: '/moderation', label: 'nav.moderation' },
  ],
  admin: [
    { to: '/admin/kpis', label: 'nav.kpis' },
    { to: '/admin/organisations', label: 'nav.organisations' },
    { to: '/admin/queues', label: 'nav.queues' },
  ],
};

const INTRO: Record<Role, string> = {
  enterprise: 'home.enterpriseIntro',
  tto: 'home.ttoIntro',
  manager: 'home.managerIntro',
  admin: 'home.adminIntro',
};

/** The role-aware home page: the figures that matter to the role, shortcuts, latest notifications. */
export function Home() {
  const { t } = useTranslation();
  const { user, organisation } = useMe();
  const inbox = useQuery({
    queryKey: ['inbox', 'latest'],
    queryFn: () => api<Page<InboxItem>>('/inbox?pageSize=5'),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} data-testid="home-title">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t(INTRO[user.role])}</Typography.Text>
      </div>
      {organisation.verificationStatus === 'pending' && <Alert type="warning" showIcon title={t('home.pendingOrg')} />}
      {organisation.verificationStatus === 'rejected' && (
        <Alert type="error" showIcon title={t('home.rejectedOrg', { reason: organisation.verificationReason ?? '' })} />
      )}
      {organisation.verificationStatus !== 'verified' && <LicenceCard orgId={organisation.id} />}
      {user.role === 'enterprise' && <EnterpriseFigures />}
      {user.role === 'tto' && <TtoFigures />}
      {user.role === 'manager' && <ManagerFigures userId={user.id} />}
      {user.role === 'admin' && <AdminFigures />}
      <Card title={t('home.quick')} size="small">
        <Space wrap>
          {QUICK[user.role].map((q) => (
            <Link key={q.to} to={q.to}>
              <Button>{t(q.label)}</Button>
            </Link>
          ))}
        </Space>
      </Card>
      <Card title={t('home.recent')} size="small" extra={<Link to="/inbox">{t('nav.inbox')}</Link>}>
        <List
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: inbox.isError ? t('common.error') : t('inbox.none') }}
          renderItem={(item) => <InboxEntry item={item} withBody={false} />}
        />
      </Card>
    </Space>
  );
}
