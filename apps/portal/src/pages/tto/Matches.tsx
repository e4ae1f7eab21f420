import { Badge, Card, Col, Descriptions, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Achievement, AchievementRecommendations, InstitutionRecommendation, Page } from '../../api/types';
import { FeatureChart } from '../../components/FeatureChart';
import { MaturityGapPanel } from '../../components/MaturityGapPanel';
import { QueryState } from '../../components/QueryState';
import { RecommendationStatusTag } from '../../components/tags';
import { formatDate, formatDateTime, formatMoneyRange, formatNumber, formatPercent } from '../../format';
import { AnswerButtons } from '../company/NeedRecommendations';

function MatchCard({
  item,
  achievementId,
  refresh,
}: {
  item: InstitutionRecommendation;
  achievementId: string;
  refresh: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const need = item.need;
  return (
    <Card
      data-testid="matched-need"
      title={<Link to={`/needs/${need.id}`}>{need.title}</Link>}
      extra={
        <Space>
          <RecommendationStatusTag status={item.status} />
          <Tag color="blue">
            {t('common.score')} {formatPercent(item.score)}
          </Tag>
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Typography.Paragraph>{need.summary}</Typography.Paragraph>
          {need.confidentiality === 'summary_only' && !need.organisation ? (
            <Typography.Text type="secondary">{t('matches.confidential')}</Typography.Text>
          ) : (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('connections.counterpart')}>{need.organisation?.name}</Descriptions.Item>
              <Descriptions.Item label={t('need.budget')}>
                {formatMoneyRange(need.details?.budgetMin, need.details?.budgetMax, t('money.negotiable'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('need.deadline')}>{formatDate(need.deadline)}</Descriptions.Item>
            </Descriptions>
          )}
        </Col>
        <Col xs={24} lg={11}>
          <FeatureChart features={item.features} />
        </Col>
      </Row>
      {item.maturityGap && (
        <MaturityGapPanel gap={item.maturityGap} achievementId={achievementId} recommendationId={item.id} />
      )}
      <Space style={{ marginTop: 12 }} wrap>
        <AnswerButtons recommendationId={item.id} answered={item.institutionAnswer !== null} onAnswered={refresh} />
        {item.institutionAnswer && (
          <Tag>
            {t('recs.answered')}: {t(`recStatus.${item.institutionAnswer}`)}
          </Tag>
        )}
        {item.connectionId && <Link to={`/connections/${item.connectionId}`}>{t('recs.viewContacts')}</Link>}
      </Space>
    </Card>
  );
}

interface AchievementMatches {
  achievementId: string;
  title: string;
  matches: number;
  unanswered: number;
  latestAt: string;
}

/** Before an achievement is picked: those with needs pushed for them, unanswered first. */
function Overview() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: ['achievement-recommendations', 'overview'],
    queryFn: () => api<AchievementMatches[]>('/matches/achievements'),
  });
  return (
    <Card title={t('matches.overview')} data-testid="matches-overview">
      <Table<AchievementMatches>
        rowKey="achievementId"
        size="small"
        loading={overview.isPending}
        dataSource={overview.data}
        pagination={false}
        locale={{ emptyText: overview.isError ? overview.error.message : t('matches.noneYet') }}
        columns={[
          {
            title: t('achievement.title'),
            render: (_, a) => <Link to={`/achievements/${a.achievementId}/recommendations`}>{a.title}</Link>,
          },
          {
            title: t('matches.unanswered'),
            align: 'right',
            render: (_, a) => (a.unanswered > 0 ? <Badge count={a.unanswered} color="gold" overflowCount={999} /> : 0),
          },
          { title: t('matches.pushed'), align: 'right', render: (_, a) => formatNumber(a.matches) },
          { title: t('matches.latest'), responsive: ['md'], render: (_, a) => formatDateTime(a.latestAt) },
        ]}
      />
    </Card>
  );
}

/** Needs the platform pushed for one of our published achievements; the TTO answers each. */
export default function Matches() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const published = useQuery({
    queryKey: ['achievements', 'published'],
    queryFn: () => api<Page<Achievement>>('/achievements', { query: { status: 'published', pageSize: 100 } }),
  });
  const recs = useQuery({
    queryKey: ['achievement-recommendations', id],
    queryFn: () => api<AchievementRecommendations>(`/achievements/${id}/recommendations`),
    enabled: !!id,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('matches.title')}>
        <Select
          style={{ width: '100%', maxWidth: 640 }}
          placeholder={t('matches.pick')}
          aria-label={t('matches.pick')}
          value={id}
          loading={published.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(value: string) => void navigate(`/achievements/${value}/recommendations`)}
          options={(published.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
        />
      </Card>
      {id ? (
        <QueryState query={recs} isEmpty={(d) => d.items.length === 0} empty={t('matches.none')}>
          {(data) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {data.items.map((item) => (
                <MatchCard
                  key={item.id}
                  item={item}
                  achievementId={data.achievementId}
                  refresh={() => queryClient.invalidateQueries({ queryKey: ['achievement-recommendations', id] })}
                />
              ))}
            </Space>
          )}
        </QueryState>
      ) : (
        <Overview />
      )}
    </Space>
  );
}
