import { useState } from 'react';
import { App, Button, Card, Checkbox, Input, Segmented, Slider, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { BulkApproveResult, Page, ReviewItem } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { TaxonomySelect } from '../../components/taxonomy';
import { formatDateTime, formatPercent } from '../../format';

type Scope = 'mine' | 'unassigned' | 'all';

/** The technology manager's queue: filters, overdue rows highlighted, bulk approval. */
export default function ReviewQueue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>(user.role === 'admin' ? 'all' : 'mine');
  const [field, setField] = useState<string | undefined>();
  const [text, setText] = useState<string | undefined>();
  const [minScore, setMinScore] = useState(0);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const filters = {
    scope,
    q: text,
    field,
    minScore: minScore > 0 ? minScore / 100 : undefined,
    overdue: overdueOnly || undefined,
  };
  const queue = useQuery({
    queryKey: ['reviews', filters, page],
    queryFn: () => api<Page<ReviewItem>>('/reviews', { query: { ...filters, page, pageSize: 20 } }),
  });
  const bulk = useMutation({
    mutationFn: (ids: string[]) => api<BulkApproveResult>('/reviews/bulk-approve', { method: 'POST', body: { ids } }),
    onSuccess: async (result) => {
      void message.success(t('reviews.bulkDone', { count: result.approved }));
      const refused = result.results.filter((r) => r.outcome !== 'approved');
      if (refused.length > 0) void message.warning(refused.map((r) => r.message ?? r.outcome).join('; '));
      setSelected([]);
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
    onError: (e) => void message.error(e.message),
  });

  return (
    <Card
      title={t('reviews.title')}
      extra={
        <Button
          type="primary"
          disabled={selected.length === 0}
          loading={bulk.isPending}
          onClick={() => bulk.mutate(selected)}
        >
          {t('reviews.bulkApprove', { count: selected.length })}
        </Button>
      }
    >
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('reviews.search')}
          aria-label={t('reviews.search')}
          style={{ width: 240 }}
          onSearch={(value) => {
            setText(value.trim() || undefined);
            setPage(1);
          }}
        />
        <Segmented<Scope>
          value={scope}
          onChange={(v) => {
            setScope(v);
            setPage(1);
          }}
          options={(['mine', 'unassigned', 'all'] as const).map((s) => ({ value: s, label: t(`reviews.${s}`) }))}
        />
        <TaxonomySelect
          kind="field"
          placeholder={t('reviews.field')}
          style={{ width: 220 }}
          value={field}
          onChange={(v) => {
            setField(v as string | undefined);
            setPage(1);
          }}
        />
        <Space>
          <Typography.Text>{t('reviews.minScore')}</Typography.Text>
          <Slider
            style={{ width: 160 }}
            min={0}
            max={100}
            step={5}
            value={minScore}
            onChangeComplete={() => setPage(1)}
            onChange={setMinScore}
            tooltip={{ formatter: (v) => `${v ?? 0}%` }}
          />
        </Space>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t('reviews.overdueOnly')}
        </Checkbox>
      </Space>
      <Table<ReviewItem>
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data?.items}
        locale={{ emptyText: queue.isError ? `${t('common.error')}: ${queue.error.message}` : t('reviews.none') }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: r.status !== 'pending_review' }),
        }}
        rowClassName={(r) => (r.overdue ? 'overdue-row' : '')}
        pagination={{
          current: page,
          total: queue.data?.total,
          pageSize: 20,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        columns={[
          { title: t('reviews.need'), render: (_, r) => r.need.title },
          { title: t('reviews.achievement'), render: (_, r) => r.achievement.title },
          {
            title: t('common.score'),
            render: (_, r) => formatPercent(r.score),
            sorter: (a, b) => a.score - b.score,
          },
          {
            title: t('reviews.due'),
            render: (_, r) => (
              <Space>
                {formatDateTime(r.reviewDueAt)}
                {r.overdue && <Tag color="red">{t('reviews.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('reviews.reviewer'), render: (_, r) => r.reviewer?.name ?? '—' },
          { title: t('common.actions'), render: (_, r) => <Link to={`/reviews/${r.id}`}>{t('reviews.open')}</Link> },
        ]}
      />
    </Card>
  );
}
