import { useState } from 'react';
import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Quote } from '../../api/services';
import type { Page } from '../../api/types';
import { formatDate } from '../../format';
import { QuoteStatusTag } from './QuoteTag';

/** Quotes the organisation asked for, answers as a platform, or whose achievement it owns. */
export default function Quotes() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['service-quotes', page],
    queryFn: () => api<Page<Quote>>('/service-quotes', { query: { page, pageSize: 20 } }),
  });
  return (
    <Card title={t('services.quotes.title')}>
      <Table<Quote>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: list.isError ? list.error.message : t('services.quotes.none') }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, simple: true }}
        columns={[
          {
            title: t('services.quotes.service'),
            render: (_, q) => <Link to={`/service-quotes/${q.id}`}>{q.service.title}</Link>,
          },
          { title: t('services.quotes.achievement'), render: (_, q) => q.achievement.title },
          { title: t('services.quotes.status'), render: (_, q) => <QuoteStatusTag status={q.status} /> },
          { title: '', render: (_, q) => t(`services.quotes.capacity.${q.capacity}`) },
          { title: t('services.quotes.platform'), responsive: ['md'], render: (_, q) => q.platform.name },
          { title: t('common.createdAt'), responsive: ['md'], render: (_, q) => formatDate(q.createdAt) },
        ]}
      />
    </Card>
  );
}
