import { useState } from 'react';
import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { ConnectionSummary, Page } from '../../api/types';
import { formatDate } from '../../format';

/** Both sides interested: the list of connections (对接), each opening the other side's contacts. */
export default function Connections() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['connections', page],
    queryFn: () => api<Page<ConnectionSummary>>('/connections', { query: { page, pageSize: 20 } }),
  });
  return (
    <Card title={t('connections.title')}>
      <Table<ConnectionSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('connections.none') }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('connections.need'), render: (_, c) => <Link to={`/needs/${c.need.id}`}>{c.need.title}</Link> },
          {
            title: t('connections.achievement'),
            render: (_, c) => <Link to={`/achievements/${c.achievement.id}`}>{c.achievement.title}</Link>,
          },
          { title: t('connections.counterpart'), render: (_, c) => c.counterpart.name },
          { title: t('connections.since'), render: (_, c) => formatDate(c.createdAt) },
          {
            title: t('common.actions'),
            render: (_, c) => <Link to={`/connections/${c.id}`}>{t('recs.viewContacts')}</Link>,
          },
        ]}
      />
    </Card>
  );
}
