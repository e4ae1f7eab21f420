import { Card, Statistic, Table, Tag, Row, Col } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Workload as WorkloadView } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';

type ManagerRow = WorkloadView['managers'][number];

/** Open and overdue reviews per technology manager; the signed-in manager's row is marked. */
export default function Workload() {
  const { t } = useTranslation();
  const { user } = useMe();
  const workload = useQuery({ queryKey: ['workload'], queryFn: () => api<WorkloadView>('/reviews/workload') });
  return (
    <QueryState query={workload}>
      {(w) => (
        <Card title={t('reviews.workload')}>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col>
              <Statistic title={t('reviews.unassigned')} value={w.unassigned.open} />
            </Col>
            <Col>
              <Statistic title={t('reviews.overdueCount')} value={w.unassigned.overdue} />
            </Col>
          </Row>
          <Table<ManagerRow>
            rowKey="userId"
            dataSource={w.managers}
            pagination={false}
            rowClassName={(m) => (m.overdue > 0 ? 'overdue-row' : '')}
            columns={[
              {
                title: t('reviews.manager'),
                render: (_, m) => (
                  <>
                    {m.name} {m.userId === user.id && <Tag color="blue">{t('queues.me')}</Tag>}
                  </>
                ),
              },
              { title: t('common.organisation'), dataIndex: 'organisationName' },
              { title: t('reviews.capacity'), dataIndex: 'capacity' },
              { title: t('reviews.openCount'), dataIndex: 'open' },
              { title: t('reviews.overdueCount'), dataIndex: 'overdue' },
              {
                title: t('common.status'),
                render: (_, m) => (m.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
              },
            ]}
          />
        </Card>
      )}
    </QueryState>
  );
}
