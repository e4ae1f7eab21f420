import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { FailedJob, QueueSummary, QueuesOverview } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { formatAge, formatDateTime, formatNumber } from '../../format';

function FailedJobs({ queue }: { queue: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const failed = useQuery({
    queryKey: ['admin', 'failed', queue],
    queryFn: () => api<FailedJob[]>(`/admin/queues/${queue}/failed`, { query: { limit: 50 } }),
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      api(`/admin/queues/${queue}/failed/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card title={`${t('admin.failedJobs')} · ${t(`queues.names.${queue}`, { defaultValue: queue })}`} size="small">
      <Table<FailedJob>
        size="small"
        rowKey="id"
        loading={failed.isPending}
        dataSource={failed.data}
        locale={{ emptyText: failed.isError ? t('common.error') : t('common.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: t('common.title'), dataIndex: 'name' },
          { title: t('admin.attempts'), dataIndex: 'attemptsMade' },
          {
            title: t('admin.reasonCol'),
            dataIndex: 'failedReason',
            render: (r: string) => <Typography.Text code>{r}</Typography.Text>,
          },
          { title: t('admin.failedAt'), render: (_, j) => formatDateTime(j.failedAt) },
          {
            title: t('common.actions'),
            render: (_, j) => (
              <Button
                size="small"
                onClick={() => retry.mutate(j.id)}
                loading={retry.isPending && retry.variables === j.id}
              >
                {t('admin.retry')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Queues and the outbox at a glance (refreshed every 5 s), and the failed jobs of a queue. */
export default function Queues() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const overview = useQuery({
    queryKey: ['admin', 'queues'],
    queryFn: () => api<QueuesOverview>('/admin/queues'),
    refetchInterval: 5_000,
  });
  return (
    <QueryState query={overview}>
      {(o) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t('admin.outbox')} size="small">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('admin.waiting')}>{formatNumber(o.outbox.pending)}</Descriptions.Item>
              <Descriptions.Item label={t('admin.oldest')}>
                {formatAge(o.outbox.oldestPendingSeconds)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.failed')}>{formatNumber(o.outbox.failingHandOvers)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('admin.queues')}>
            <Table<QueueSummary>
              rowKey="queue"
              size="small"
              pagination={false}
              dataSource={o.queues}
              rowClassName={(q) => (q.failed > 0 ? 'overdue-row' : '')}
              columns={[
                {
                  title: t('admin.queue'),
                  render: (_, q) => (
                    <span title={q.queue}>{t(`queues.names.${q.queue}`, { defaultValue: q.queue })}</span>
                  ),
                },
                { title: t('admin.waiting'), dataIndex: 'waiting' },
                { title: t('admin.activeJobs'), dataIndex: 'active' },
                { title: t('admin.delayed'), dataIndex: 'delayed' },
                {
                  title: t('admin.failed'),
                  render: (_, q) =>
                    q.failed > 0 ? <a onClick={() => setOpen(q.queue)}>{formatNumber(q.failed)}</a> : 0,
                },
                { title: t('admin.completed'), render: (_, q) => formatNumber(q.completed) },
                { title: t('admin.oldest'), render: (_, q) => formatAge(q.oldestWaitingSeconds) },
              ]}
            />
          </Card>
          {open && <FailedJobs queue={open} />}
        </Space>
      )}
    </QueryState>
  );
}
