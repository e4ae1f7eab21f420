import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import {
  DECLINE_REASONS,
  type AnswerResult,
  type CompanyRecommendation,
  type DeclineReason,
  type Need,
  type NeedRecommendations as Recommendations,
} from '../../api/types';
import { MaturityGapPanel } from '../../components/MaturityGapPanel';
import { FeatureChart } from '../../components/FeatureChart';
import { QueryState } from '../../components/QueryState';
import { ModeTags, RecommendationStatusTag } from '../../components/tags';
import { formatMoneyRange, formatPercent, joinList, withRemark } from '../../format';

/** Answer buttons of one side: interested, or not with a reason. */
export function AnswerButtons({
  recommendationId,
  answered,
  onAnswered,
}: {
  recommendationId: string;
  answered: boolean;
  onAnswered: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason | undefined>();
  const answer = useMutation({
    mutationFn: (body: { answer: 'interested' | 'declined'; reason?: DeclineReason }) =>
      api<AnswerResult>(`/recommendations/${recommendationId}/answer`, { method: 'POST', body }),
    onSuccess: async () => {
      setDeclining(false);
      await onAnswered();
    },
    onError: (e) => void message.error(e.message),
  });
  if (answered) return null;
  return (
    <Space>
      <Button type="primary" loading={answer.isPending} onClick={() => answer.mutate({ answer: 'interested' })}>
        {t('recs.interested')}
      </Button>
      <Button onClick={() => setDeclining(true)}>{t('recs.notInterested')}</Button>
      <Modal
        open={declining}
        title={t('recs.declineTitle')}
        onCancel={() => setDeclining(false)}
        okButtonProps={{ disabled: !reason, loading: answer.isPending }}
        onOk={() => reason && answer.mutate({ answer: 'declined', reason })}
      >
        <Select<DeclineReason>
          style={{ width: '100%' }}
          value={reason}
          onChange={setReason}
          aria-label={t('common.reason')}
          options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`declineReasons.${r}`) }))}
        />
      </Modal>
    </Space>
  );
}

function RecommendationCard({ item, refresh }: { item: CompanyRecommendation; refresh: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const a = item.achievement;
  return (
    <Card
      data-testid="recommendation"
      title={<Link to={`/achievements/${a.id}`}>{a.title}</Link>}
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
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{a.summary}</Typography.Paragraph>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('recs.institution')}>{a.organisation.name}</Descriptions.Item>
            <Descriptions.Item label={t('recs.price')}>
              {formatMoneyRange(a.priceMin, a.priceMax, t('money.negotiable'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('recs.trl')}>{a.trl ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('achievement.transferModes')}>
              <ModeTags modes={a.transferModes} />
            </Descriptions.Item>
            <Descriptions.Item label={t('recs.researchers')}>
              <span data-testid="recommendation-team">
                {item.researchers.length === 0 ? (
                  t('detail.noTeam')
                ) : (
                  <Space wrap size={[12, 0]}>
                    {item.researchers.map((r) => (
                      <Link key={r.id} to={`/researchers/${r.id}`}>
                        {withRemark(r.name, r.title)}
                      </Link>
                    ))}
                  </Space>
                )}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} lg={11}>
          <Typography.Text strong>{t('recs.explain')}</Typography.Text>
          <FeatureChart features={item.features} />
        </Col>
      </Row>
      {item.maturityGap && <MaturityGapPanel gap={item.maturityGap} achievementId={a.id} recommendationId={item.id} />}
      <Space style={{ marginTop: 12 }} wrap>
        <AnswerButtons recommendationId={item.id} answered={item.companyAnswer !== null} onAnswered={refresh} />
        {item.companyAnswer && (
          <Tag>
            {t('recs.answered')}: {t(`recStatus.${item.companyAnswer}`)}
          </Tag>
        )}
        {item.companyAnswer === 'interested' && !item.connectionId && (
          <Typography.Text type="secondary">
            {item.institutionAnswer === 'interested' ? t('recs.otherInterested') : t('recs.waitingOther')}
          </Typography.Text>
        )}
        {item.connectionId && (
          <Link to={`/connections/${item.connectionId}`}>
            <Button type="link">{t('recs.viewContacts')}</Button>
          </Link>
        )}
      </Space>
    </Card>
  );
}

/** What a company reads when nothing is shown: nothing fits yet is said in words, not hidden. */
const EMPTY_MESSAGE: Record<Recommendations['matchState'], string> = {
  matching: 'recs.matching',
  nothing_fits: 'recs.nothingFits',
  in_review: 'recs.none',
  shown: 'recs.none',
};

/** A need's approved recommendations: achievements with the explained score, and experts. */
export default function NeedRecommendations() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const need = useQuery({ queryKey: ['need', id], queryFn: () => api<Need>(`/needs/${id}`) });
  const recs = useQuery({
    queryKey: ['recommendations', id],
    queryFn: () => api<Recommendations>(`/needs/${id}/recommendations`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['recommendations', id] });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={4}>
        {t('recs.title')}
        {need.data ? `：${need.data.title}` : ''}
      </Typography.Title>
      {need.isError && <Alert type="error" title={need.error.message} />}
      <QueryState
        query={recs}
        isEmpty={(data) => data.items.length === 0 && data.researcherMatches.length === 0}
        empty={<span data-testid="recs-empty">{t(EMPTY_MESSAGE[recs.data?.matchState ?? 'in_review'])}</span>}
      >
        {(data) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {data.items.map((item) => (
              <RecommendationCard key={item.id} item={item} refresh={refresh} />
            ))}
            {data.items.length === 0 && (
              <Empty description={<span data-testid="recs-empty">{t(EMPTY_MESSAGE[data.matchState])}</span>} />
            )}
            {data.researcherMatches.length > 0 && (
              <Card title={t('recs.researcherMatches')} size="small">
                {data.researcherMatches.map((m) => (
                  <Card.Grid key={m.researcher.id} hoverable={false} style={{ width: '50%' }}>
                    <Link to={`/researchers/${m.researcher.id}`}>
                      <Typography.Text strong>
                        {m.researcher.title ? `${m.researcher.name} · ${m.researcher.title}` : m.researcher.name}
                      </Typography.Text>
                    </Link>
                    <Tag style={{ marginLeft: 8 }}>{formatPercent(m.score)}</Tag>
                    <div>
                      <Typography.Text type="secondary">
                        {m.researcher.organisation.name} · {joinList(m.researcher.researchAreas)}
                      </Typography.Text>
                    </div>
                    <FeatureChart features={m.features} compact />
                  </Card.Grid>
                ))}
              </Card>
            )}
          </Space>
        )}
      </QueryState>
    </Space>
  );
}
