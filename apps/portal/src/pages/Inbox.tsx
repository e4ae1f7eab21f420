import { useState } from 'react';
import { Button, Card, List } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { InboxItem, Page } from '../api/types';
import { InboxEntry } from '../components/InboxEntry';

export default function Inbox() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: ['inbox', 'page', page],
    queryFn: () => api<Page<InboxItem>>('/inbox', { query: { page, pageSize: 20 } }),
  });
  const readAll = useMutation({
    mutationFn: () => api('/inbox/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  return (
    <Card
      title={t('inbox.title')}
      extra={
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('inbox.readAll')}
        </Button>
      }
    >
      <List
        loading={inbox.isPending}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: inbox.isError ? `${t('common.error')}: ${inbox.error.message}` : t('inbox.none') }}
        pagination={{
          current: page,
          total: inbox.data?.total,
          pageSize: 20,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        renderItem={(item) => <InboxEntry item={item} />}
      />
    </Card>
  );
}
