import { useState } from 'react';
import { App, Button, Card, Input, Modal, Space, Table, Tabs } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { formatDateTime } from '../../format';

interface Submitted {
  id: string;
  title: string;
  summary: string;
  submittedAt?: string | null;
}

/** One moderation queue (needs or achievements): publish, or send back with a reason. */
function Queue({ kind }: { kind: 'needs' | 'achievements' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Submitted | null>(null);
  const [reason, setReason] = useState('');
  const queue = useQuery({
    queryKey: ['moderation', kind, page],
    queryFn: () => api<Page<Submitted>>(`/moderation/${kind}`, { query: { page, pageSize: 20 } }),
  });
  const decide = useMutation({
    mutationFn: ({ id, action, why }: { id: string; action: 'approve' | 'reject'; why?: string }) =>
      api(`/${kind}/${id}/${action}`, { method: 'POST', body: why ? { reason: why } : {} }),
    onSuccess: async (_, { action }) => {
      void message.success(action === 'approve' ? t('moderation.approved') : t('reviews.rejected'));
      setRejecting(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['moderation', kind] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <>
      <Table<Submitted>
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data?.items}
        locale={{ emptyText: queue.isError ? `${t('common.error')}: ${queue.error.message}` : t('reviews.none') }}
        pagination={{ current: page, total: queue.data?.total, pageSize: 20, onChange: setPage }}
        expandable={{ expandedRowRender: (row) => row.summary }}
        columns={[
          { title: t('common.title'), dataIndex: 'title' },
          { title: t('common.submittedAt'), render: (_, row) => formatDateTime(row.submittedAt) },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => decide.mutate({ id: row.id, action: 'approve' })}
                  loading={decide.isPending && decide.variables.id === row.id}
                >
                  {t('moderation.approve')}
                </Button>
                <Button size="small" onClick={() => setRejecting(row)}>
                  {t('moderation.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t('moderation.rejectReason')}
        onCancel={() => setRejecting(null)}
        okButtonProps={{ disabled: reason.trim().length === 0 }}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, action: 'reject', why: reason.trim() })}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </Modal>
    </>
  );
}

export default function Moderation() {
  const { t } = useTranslation();
  return (
    <Card title={t('moderation.title')}>
      <Tabs
        items={[
          { key: 'needs', label: t('moderation.needs'), children: <Queue kind="needs" /> },
          { key: 'achievements', label: t('moderation.achievements'), children: <Queue kind="achievements" /> },
        ]}
      />
    </Card>
  );
}
