import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Progress, Radio, Space, Table, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, download } from '../../api/client';
import type { CatalogImport, Page, RowProblem } from '../../api/types';
import { formatDateTime, formatNumber } from '../../format';

const FINISHED: CatalogImport['status'][] = ['succeeded', 'failed'];
const STATUS_COLOURS: Record<CatalogImport['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** One import's progress while it runs, then its report: counts and every bad row. */
function ImportReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ['import', id],
    queryFn: async () => {
      const current = await api<CatalogImport>(`/imports/${id}`);
      if (FINISHED.includes(current.status)) await queryClient.invalidateQueries({ queryKey: ['imports'] });
      return current;
    },
    refetchInterval: (query) => (query.state.data && FINISHED.includes(query.state.data.status) ? false : 500),
  });
  if (run.isPending) return <Progress percent={0} status="active" />;
  if (run.isError) return <Alert type="error" title={run.error.message} />;
  const r = run.data;
  return (
    <Card size="small" title={`${t('imports.report')} · ${r.fileName}`} data-testid="import-report">
      <Progress
        percent={Math.round(r.progress * 100)}
        status={r.status === 'failed' ? 'exception' : r.status === 'succeeded' ? 'success' : 'active'}
        aria-label={t('imports.progress')}
      />
      <Descriptions size="small" column={4} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('common.status')}>
          <Tag color={STATUS_COLOURS[r.status]} data-testid="import-status">
            {t(`imports.${r.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.created')}>{formatNumber(r.createdCount)}</Descriptions.Item>
        <Descriptions.Item label={t('imports.updated')}>{formatNumber(r.updatedCount)}</Descriptions.Item>
        <Descriptions.Item label={t('imports.errors')}>{formatNumber(r.errorCount)}</Descriptions.Item>
      </Descriptions>
      {r.failureReason && (
        <Alert
          type="error"
          showIcon
          data-testid="import-failure"
          title={
            r.failureCode
              ? t(`imports.failures.${r.failureCode}`, { ...r.failureParams, defaultValue: r.failureReason })
              : r.failureReason
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {FINISHED.includes(r.status) && (
        <Table<RowProblem>
          size="small"
          rowKey={(p) => `${p.row}:${p.column ?? ''}:${p.reason}`}
          dataSource={r.problems}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('imports.noProblems') }}
          data-testid="import-problems"
          columns={[
            { title: t('imports.row'), dataIndex: 'row', width: 80 },
            {
              title: t('imports.column'),
              dataIndex: 'column',
              width: 160,
              render: (c: string | null) => (c ? t(`imports.columns.${c}`, { defaultValue: c }) : '—'),
            },
            { title: t('imports.problem'), render: (_, p) => problemText(t, p) },
          ]}
        />
      )}
    </Card>
  );
}

/** A report's problem in the reader's language; the server's English words for a code without a wording. */
function problemText(t: TFunction, problem: RowProblem): string {
  if (!problem.code) return problem.reason;
  const params = { ...problem.params };
  if (typeof params.status === 'string') params.status = t(`listing.${params.status}`, { defaultValue: params.status });
  return t(`imports.reasons.${problem.code}`, { ...params, defaultValue: problem.reason });
}

/** Bulk import: the template, the upload, a progress bar and the per-row report, and earlier imports. */
export default function Imports() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [mode, setMode] = useState<'all_or_nothing' | 'keep_valid'>('all_or_nothing');
  const [submit, setSubmit] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => api<Page<CatalogImport>>('/imports', { query: { pageSize: 10 } }),
  });
  const start = useMutation({
    mutationFn: async () => {
      const file = files[0]?.originFileObj;
      if (!file) throw new Error(t('imports.choose'));
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('mode', mode);
      form.append('submit', String(submit));
      return api<CatalogImport>('/imports', { method: 'POST', body: form });
    },
    onSuccess: async (created) => {
      setCurrent(created.id);
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
    },
    onError: (e) => void message.error(e.message),
  });
  const fetchTemplate = (format: 'csv' | 'xlsx') =>
    void download(`/imports/template?format=${format}`, `kuaizhuan-achievements.${format}`).catch((e: Error) =>
      message.error(e.message),
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('imports.title')}
        extra={
          <Space>
            <Button onClick={() => fetchTemplate('csv')}>{t('imports.templateCsv')}</Button>
            <Button onClick={() => fetchTemplate('xlsx')}>{t('imports.templateXlsx')}</Button>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle">
          <Alert type="info" showIcon title={t('imports.guideTitle')} description={t('imports.guide')} />
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            fileList={files}
            maxCount={1}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button data-testid="choose-file">{t('imports.choose')}</Button>
          </Upload>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as typeof mode)}
            options={[
              { value: 'all_or_nothing', label: t('imports.allOrNothing') },
              { value: 'keep_valid', label: t('imports.keepValid') },
            ]}
          />
          <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)}>
            {t('imports.submitAfter')}
          </Checkbox>
          <Button type="primary" disabled={files.length === 0} loading={start.isPending} onClick={() => start.mutate()}>
            {t('imports.start')}
          </Button>
        </Space>
      </Card>
      {current && <ImportReport id={current} />}
      <Card title={t('imports.history')} size="small">
        <Table<CatalogImport>
          size="small"
          rowKey="id"
          loading={history.isPending}
          dataSource={history.data?.items}
          pagination={false}
          locale={{ emptyText: history.isError ? t('common.error') : t('common.empty') }}
          onRow={(r) => ({ onClick: () => setCurrent(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('common.fileName'), dataIndex: 'fileName' },
            {
              title: t('common.status'),
              render: (_, r) => <Tag color={STATUS_COLOURS[r.status]}>{t(`imports.${r.status}`)}</Tag>,
            },
            { title: t('imports.created'), dataIndex: 'createdCount' },
            { title: t('imports.errors'), dataIndex: 'errorCount' },
            { title: t('common.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
          ]}
        />
      </Card>
    </Space>
  );
}
