import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, client } from '../../api/client';
import type { Achievement } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';
import { ListingStatusTag, ModeTags } from '../../components/tags';
import { useTermName } from '../../components/taxonomy';
import { formatDate, formatMoneyRange } from '../../format';
import { InterestPanel } from './InterestPanel';
import { ModerationDecision } from './ModerationDecision';

/** An achievement's own page: what it is, the team behind it, and "interested" for a company. */
export default function AchievementDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user, organisation } = useMe();
  const fieldName = useTermName('field');
  const ipName = useTermName('ip_type');
  const stageName = useTermName('maturity_stage');
  const achievement = useQuery({
    queryKey: ['achievement', id],
    queryFn: (): Promise<Achievement> =>
      answer(client.GET('/api/achievements/{id}', { params: { path: { id: id ?? '' } } })),
  });

  return (
    <QueryState query={achievement}>
      {(a) => {
        const own = a.orgId === organisation.id;
        return (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card
                data-testid="achievement-detail"
                title={
                  <Space wrap>
                    <span>{a.title}</span>
                    {own && <ListingStatusTag status={a.status} />}
                  </Space>
                }
                extra={
                  own && a.status === 'draft' ? <Link to={`/achievements/${a.id}/edit`}>{t('common.edit')}</Link> : null
                }
              >
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  {own && <ModerationDecision listing={a} />}
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                    <Descriptions.Item label={t('detail.institution')}>
                      {a.institutionName || a.organisation.name}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('achievement.fields')}>
                      {a.fieldCodes.length > 0
                        ? a.fieldCodes.map((code) => <Tag key={code}>{fieldName(code)}</Tag>)
                        : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('achievement.transferModes')}>
                      {a.transferModes.length > 0 ? <ModeTags modes={a.transferModes} /> : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('recs.price')}>
                      {formatMoneyRange(a.priceMin, a.priceMax, t('money.negotiable'))}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('achievement.trl')}>{a.trl ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('achievement.maturityStage')}>
                      {stageName(a.maturityStage)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('achievement.ipType')}>{ipName(a.ipType)}</Descriptions.Item>
                    <Descriptions.Item label={t('achievement.legalStatus')}>
                      {t(`legal.${a.legalStatus}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.patents')}>
                      {a.patentNumbers.length > 0 ? a.patentNumbers.map((n) => <Tag key={n}>{n}</Tag>) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('common.updatedAt')}>
                      {formatDate(a.publishedAt ?? a.updatedAt)}
                    </Descriptions.Item>
                  </Descriptions>
                  {a.applicationScenarios && (
                    <div>
                      <Typography.Title level={5}>{t('achievement.applicationScenarios')}</Typography.Title>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                        {a.applicationScenarios}
                      </Typography.Paragraph>
                    </div>
                  )}
                  {a.advantages && (
                    <div>
                      <Typography.Title level={5}>{t('achievement.advantages')}</Typography.Title>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.advantages}</Typography.Paragraph>
                    </div>
                  )}
                  {a.keywords.length > 0 && (
                    <Space wrap size={4}>
                      {a.keywords.map((k) => (
                        <Tag key={k} color="blue">
                          {k}
                        </Tag>
                      ))}
                    </Space>
                  )}
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title={t('detail.team')} data-testid="achievement-team">
                  {a.researchers.length === 0 ? (
                    <Typography.Text type="secondary">{t('detail.noTeam')}</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={4}>
                      {a.researchers.map((r) => (
                        <Link key={r.id} to={`/researchers/${r.id}`}>
                          {r.name}
                          {r.title ? ` · ${r.title}` : ''}
                        </Link>
                      ))}
                    </Space>
                  )}
                </Card>
                {user.role === 'enterprise' && a.status === 'published' && (
                  <InterestPanel kind="achievement" id={a.id} />
                )}
                {own && (a.status === 'published' || a.status === 'matched') && (
                  <Link to={`/achievements/${a.id}/recommendations`}>{t('achievement.matches')}</Link>
                )}
              </Space>
            </Col>
          </Row>
        );
      }}
    </QueryState>
  );
}
