import { useState } from 'react';
import { App, Button, Card, Checkbox, Input, Segmented, Slider, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { BulkApproveResult, Page, ReviewItem } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { RecommendationStatusTag } from '../../components/tags';
import { TaxonomySelect } from '../../components/taxonomy';
import { formatDateTime, formatPercent } from '../../format';

type Scope = 'mine' | 'unassigned' | 'all';

interface QueueFilters {
  scope?: Scope;
  field?: string;
  q?: string;
  minScore?: number;
  overdue?: boolean;
  page?: number;
}

const FILTERS_KEY = 'kz.reviewQueue';

function storedFilters(): QueueFilters {
  try {
    return JSON.parse(sessionStorage.getItem(FILTERS_KEY) ?? '{}') as QueueFilters;
  } catch {
    return {};
  }
}

/** The technology manager's queue: filters, overdue rows highlighted, bulk approval. */
export default function ReviewQueue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useMe();
  const queryClient = useQueryClient();
  // Filters are kept for the session, so the queue a decision returns to is the one left.
  const [filterState, setFilterState] = useState<QueueFilters>(() => storedFilters());
  const scope = filterState.scope ?? (user.role === 'admin' ? 'all' : 'mine');
  const { field, q: text, overdue: overdueOnly = false } = filterState;
  const minScore = filterState.minScore ?? 0;
  const page = filterState.page ?? 1;
  const update = (changes: Partial<QueueFilters>) => {
    const next = { ...filterState, ...changes };
    if (!('page' in changes)) delete next.page;
    sessionStorage.setItem(FILTERS_KEY, JSON.stringify(next));
    setFilterState(next);
  };
  const setPage = (p: number) => update({ page: p });
  const [sliding, setSliding] = useState<number | null>(null);
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
          defaultValue={text}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        <Segmented<Scope>
          value={scope}
          onChange={(v) => update({ scope: v })}
          options={(['mine', 'unassigned', 'all'] as const).map((s) => ({ value: s, label: t(`reviews.${s}`) }))}
        />
        <TaxonomySelect
          kind="field"
          placeholder={t('reviews.field')}
          style={{ width: 220 }}
          value={field}
          onChange={(v) => update({ field: (v as string | undefined) || undefined })}
        />
        <Space>
          <Typography.Text>{t('reviews.minScore')}</Typography.Text>
          <Slider
            style={{ width: 160 }}
            min={0}
            max={100}
            step={5}
            value={sliding ?? minScore}
            onChange={setSliding}
            onChangeComplete={(v) => {
              setSliding(null);
              update({ minScore: v > 0 ? v : undefined });
            }}
            tooltip={{ formatter: (v) => `${v ?? 0}%` }}
          />
        </Space>
        <Checkbox checked={overdueOnly} onChange={(e) => update({ overdue: e.target.checked || undefined })}>
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
            title: t('detail.reviews.decision'),
            render: (_, r) =>
              r.status === 'pending_review' ? (
                r.companyAnswer === 'interested' || r.institutionAnswer === 'interested' ? (
                  <Tag color="cyan">{t('detail.reviews.askedBySide')}</Tag>
                ) : null
              ) : (
                <RecommendationStatusTag status={r.status} />
              ),
          },
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
          {
            title: t('common.actions'),
            render: (_, r) => <Link to={`/reviews/${r.id}`}>{t('reviews.open')}</Link>,
          },
        ]}
      />
    </Card>
  );
}
