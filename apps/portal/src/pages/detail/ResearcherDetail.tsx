import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, client } from '../../api/client';
import type { Researcher } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { useTermName } from '../../components/taxonomy';

/** A researcher's public profile: who, what they work on, their published achievements; contacts only for their own institution. */
export default function ResearcherDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const fieldName = useTermName('field');
  const researcher = useQuery({
    queryKey: ['researcher', id],
    queryFn: (): Promise<Researcher> =>
      answer(client.GET('/api/researchers/{id}', { params: { path: { id: id ?? '' } } })),
  });

  return (
    <QueryState query={researcher}>
      {(r) => (
        <Card
          data-testid="researcher-detail"
          title={
            <Space wrap>
              <span>{r.name}</span>
              {r.title && <Typography.Text type="secondary">{r.title}</Typography.Text>}
              {r.commissionerAvailable && <Tag color="green">{t('detail.commissioner')}</Tag>}
            </Space>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('detail.institution')}>{r.institutionName || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('detail.areas')}>
                {r.researchAreas.length > 0 ? r.researchAreas.map((a) => <Tag key={a}>{a}</Tag>) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('achievement.fields')}>
                {r.fieldCodes.length > 0 ? r.fieldCodes.map((code) => <Tag key={code}>{fieldName(code)}</Tag>) : '—'}
              </Descriptions.Item>
              {r.commissionerAvailable && r.commissionerNote && (
                <Descriptions.Item label={t('detail.commissioner')}>{r.commissionerNote}</Descriptions.Item>
              )}
              {r.email !== undefined && (
                <Descriptions.Item label={t('researchers.email')}>{r.email ?? '—'}</Descriptions.Item>
              )}
              {r.phone !== undefined && (
                <Descriptions.Item label={t('researchers.phone')}>{r.phone ?? '—'}</Descriptions.Item>
              )}
            </Descriptions>
            {r.email === undefined && <Typography.Text type="secondary">{t('detail.contactRule')}</Typography.Text>}
            {r.profile && (
              <div>
                <Typography.Title level={5}>{t('detail.profile')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.profile}</Typography.Paragraph>
              </div>
            )}
            <List
              size="small"
              header={t('detail.achievements')}
              dataSource={r.achievements ?? []}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(a) => (
                <List.Item>
                  <Link to={`/achievements/${a.id}`}>{a.title}</Link>
                </List.Item>
              )}
            />
          </Space>
        </Card>
      )}
    </QueryState>
  );
}
