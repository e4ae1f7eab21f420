import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, client } from '../../api/client';
import type { Achievement } from '../../api/types';
import { TitleSearch } from '../../components/TitleSearch';
import { ListingStatusTag, ModeTags } from '../../components/tags';
import { useTermName } from '../../components/taxonomy';
import { formatDate, formatMoneyRange, joinList } from '../../format';

export default function Achievements() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fieldName = useTermName('field');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['achievements', 'mine', page, q],
    // While one waits for moderation, look again now and then: its status changes elsewhere.
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === 'submitted') ? 15_000 : false),
    refetchOnWindowFocus: true,
    queryFn: () =>
      answer(client.GET('/api/achievements', { params: { query: { page, pageSize: 20, q: q || undefined } } })),
  });
  const submit = useMutation({
    mutationFn: (id: string) => answer(client.POST('/api/achievements/{id}/submit', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['achievements'] }),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card
      title={t('achievement.listTitle')}
      extra={
        <Space>
          <TitleSearch
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
          />
          <Link to="/imports">
            <Button>{t('nav.import')}</Button>
          </Link>
          <Link to="/achievements/new">
            <Button type="primary">{t('achievement.new')}</Button>
          </Link>
        </Space>
      }
    >
      <Table<Achievement>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('common.empty') }}
        pagination={{
          current: page,
          total: list.data?.total,
          pageSize: 20,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        columns={[
          {
            title: t('achievement.title'),
            dataIndex: 'title',
            render: (title: string, a) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/achievements/${a.id}`}>{title}</Link>
                {a.status === 'draft' && a.moderationNote && (
                  <Typography.Text type="warning" data-testid="moderation-note">
                    {t('detail.decisionRejected', { note: a.moderationNote })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('achievement.fields'), render: (_, a) => joinList(a.fieldCodes.map(fieldName)) },
          { title: t('achievement.transferModes'), render: (_, a) => <ModeTags modes={a.transferModes} /> },
          {
            title: t('achievement.price'),
            render: (_, a) => formatMoneyRange(a.priceMin, a.priceMax, t('money.negotiable')),
          },
          { title: t('common.status'), render: (_, a) => <ListingStatusTag status={a.status} /> },
          { title: t('common.updatedAt'), render: (_, a) => formatDate(a.publishedAt ?? a.updatedAt) },
          {
            title: t('common.actions'),
            render: (_, a) => (
              <Space>
                {a.status === 'draft' && <Link to={`/achievements/${a.id}/edit`}>{t('common.edit')}</Link>}
                {a.status === 'draft' && (
                  <Button size="small" onClick={() => submit.mutate(a.id)}>
                    {t('achievement.submitDraft')}
                  </Button>
                )}
                {a.status === 'published' && (
                  <Link to={`/achievements/${a.id}/recommendations`}>{t('achievement.matches')}</Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
