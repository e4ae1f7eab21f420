import { useState } from 'react';
import { App, Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, client } from '../../api/client';
import type { Need } from '../../api/types';
import { TitleSearch } from '../../components/TitleSearch';
import { ListingStatusTag } from '../../components/tags';
import { formatDate, formatMoneyRange } from '../../format';

export default function MyNeeds() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  // On a phone the list keeps three columns: the title (with its budget) reads, the actions fit.
  const wide = Grid.useBreakpoint().md ?? true;
  const needs = useQuery({
    queryKey: ['needs', 'mine', page, q],
    // While one waits for moderation, look again now and then: its status changes elsewhere.
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === 'submitted') ? 15_000 : false),
    refetchOnWindowFocus: true,
    queryFn: () => answer(client.GET('/api/needs', { params: { query: { page, pageSize: 20, q: q || undefined } } })),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'submit' | 'withdraw' }) =>
      answer(client.POST(`/api/needs/{id}/${action}`, { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['needs'] }),
    onError: (e) => void message.error(e.message),
  });

  const toolbar = (
    <Space wrap>
      <TitleSearch
        onSearch={(value) => {
          setQ(value);
          setPage(1);
        }}
      />
      <Link to="/needs/new">
        <Button type="primary">{t('nav.newNeed')}</Button>
      </Link>
    </Space>
  );
  return (
    <Card title={t('need.listTitle')} extra={wide ? toolbar : undefined}>
      {!wide && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      <Table<Need>
        rowKey="id"
        loading={needs.isPending}
        dataSource={needs.data?.items}
        locale={{ emptyText: needs.isError ? `${t('common.error')}: ${needs.error.message}` : t('common.empty') }}
        pagination={{
          current: page,
          total: needs.data?.total,
          pageSize: 20,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        columns={[
          {
            title: t('need.title'),
            dataIndex: 'title',
            render: (title: string, need) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/needs/${need.id}`}>{title}</Link>
                {need.minedByCommissioner && (
                  <Tag color="purple" data-testid="mined-tag">
                    {t('outreach.mined.minedTag')}
                  </Tag>
                )}
                {need.moderationNote && need.status === 'draft' && (
                  <Typography.Text type="warning" data-testid="moderation-note">
                    {t('detail.decisionRejected', { note: need.moderationNote })}
                  </Typography.Text>
                )}
                {!wide && (
                  <Typography.Text type="secondary">
                    {formatMoneyRange(need.details?.budgetMin, need.details?.budgetMax, t('money.negotiable'))}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Need['status']) => <ListingStatusTag status={s} />,
          },
          {
            title: t('need.budget'),
            responsive: ['md'],
            render: (_, need) =>
              formatMoneyRange(need.details?.budgetMin, need.details?.budgetMax, t('money.negotiable')),
          },
          {
            title: t('need.deadline'),
            dataIndex: 'deadline',
            responsive: ['md'],
            render: (d: string | null) => formatDate(d),
          },
          {
            title: t('common.actions'),
            render: (_, need) => (
              <Space orientation={wide ? 'horizontal' : 'vertical'} size={wide ? 'small' : 4}>
                {(need.status === 'published' || need.status === 'matched') && (
                  <Link to={`/needs/${need.id}/recommendations`}>{t('need.recommendations')}</Link>
                )}
                {need.status === 'published' && (
                  <Link to={`/needs/${need.id}/challenge`}>
                    {t(wide ? 'challenges.publish' : 'challenges.publishShort')}
                  </Link>
                )}
                {need.status === 'draft' ? (
                  <Link to={`/needs/${need.id}/edit`}>{t('common.edit')}</Link>
                ) : (
                  <Link to={`/needs/${need.id}`}>{t('common.view')}</Link>
                )}
                {need.status === 'draft' && (
                  <Button size="small" onClick={() => act.mutate({ id: need.id, action: 'submit' })}>
                    {t('need.submitDraft')}
                  </Button>
                )}
                {(need.status === 'submitted' || need.status === 'published') && (
                  <Button size="small" onClick={() => act.mutate({ id: need.id, action: 'withdraw' })}>
                    {t('need.withdraw')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
