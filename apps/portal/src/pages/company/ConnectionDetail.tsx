import { Card, Col, Descriptions, Row, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, Link } from 'react-router';
import { api } from '../../api/client';
import type { ConnectionDetail as Detail, ResearcherContact } from '../../api/types';
import { FeatureChart } from '../../components/FeatureChart';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatPercent } from '../../format';
import { OpenDeal } from '../deals/OpenDeal';

/** One connection: what was matched, and how to reach the other side. */
export default function ConnectionDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useQuery({ queryKey: ['connection', id], queryFn: () => api<Detail>(`/connections/${id}`) });
  return (
    <QueryState query={detail}>
      {(c) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <Link to={`/needs/${c.need.id}`}>{c.need.title}</Link> ×{' '}
              <Link to={`/achievements/${c.achievement.id}`}>{c.achievement.title}</Link>
            </Typography.Title>
            <OpenDeal connectionId={c.id} defaultTitle={c.achievement.title} />
          </Space>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('connections.counterpart')} data-testid="contacts">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('connections.counterpart')}>
                    {c.counterpart.organisation.name}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('connections.contactPerson')}>
                    {c.counterpart.contactPerson
                      ? `${c.counterpart.contactPerson.name} · ${c.counterpart.contactPerson.email}${
                          c.counterpart.contactPerson.phone ? ` · ${c.counterpart.contactPerson.phone}` : ''
                        }`
                      : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('connections.organisationContact')}>
                    {[
                      c.counterpart.organisation.contactName,
                      c.counterpart.organisation.contactEmail,
                      c.counterpart.organisation.contactPhone,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('connections.since')}>{formatDate(c.createdAt)}</Descriptions.Item>
                </Descriptions>
                {c.counterpart.researchers && c.counterpart.researchers.length > 0 && (
                  <Table<ResearcherContact>
                    size="small"
                    rowKey="id"
                    title={() => t('connections.researchers')}
                    pagination={false}
                    dataSource={c.counterpart.researchers}
                    columns={[
                      { title: t('researchers.name'), dataIndex: 'name' },
                      { title: t('researchers.titleField'), dataIndex: 'title' },
                      { title: t('researchers.email'), dataIndex: 'email' },
                      { title: t('researchers.phone'), dataIndex: 'phone' },
                    ]}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`${t('recs.explain')} · ${formatPercent(c.score)}`}>
                <FeatureChart features={c.features} />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </QueryState>
  );
}
