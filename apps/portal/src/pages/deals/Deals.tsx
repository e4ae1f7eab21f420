import { useState } from 'react';
import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { DealSummary } from '../../api/deals';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { formatDate } from '../../format';
import { DealStatusTag } from './DealStatusTag';
import { OpenDealButton } from './OpenDeal';

/** The deals the caller takes part in: as the company, the institution or the broker. */
export default function Deals() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['deals', page],
    queryFn: () => api<Page<DealSummary>>('/deals', { query: { page, pageSize: 20 } }),
  });
  const role = me?.user.role;
  return (
    <Card
      title={role === 'manager' ? t('deals.brokered') : t('deals.title')}
      extra={role === 'tto' && <OpenDealButton />}
    >
      <Table<DealSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('deals.none') }}
        pagination={{
          current: page,
          total: list.data?.total,
          pageSize: 20,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        columns={[
          { title: t('deals.name'), render: (_, d) => <Link to={`/deals/${d.id}`}>{d.title}</Link> },
          { title: t('deals.type'), render: (_, d) => t(`deals.types.${d.type}`) },
          { title: t('deals.status'), render: (_, d) => <DealStatusTag status={d.status} /> },
          {
            title: role === 'enterprise' ? t('deals.institution') : t('deals.company'),
            render: (_, d) => (role === 'enterprise' ? d.institution.name : d.company.name),
          },
          ...(role === 'manager'
            ? [{ title: t('deals.institution'), render: (_: unknown, d: DealSummary) => d.institution.name }]
            : []),
          { title: t('deals.manager'), render: (_, d) => d.manager?.name ?? t('deals.noManager') },
          { title: t('deals.signedOn'), render: (_, d) => formatDate(d.signedOn) },
          { title: t('common.createdAt'), render: (_, d) => formatDate(d.createdAt) },
        ]}
      />
    </Card>
  );
}
