import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { SavedQuery, SavedSearch } from '../api/outreach';
import type { SearchType } from '../api/types';
import { showServerErrors } from '../components/forms';
import { useTermName } from '../components/taxonomy';
import { formatDate } from '../format';

/** The conditions of a saved search, in words. */
function Conditions({ query }: { query: SavedQuery }) {
  const { t } = useTranslation();
  const field = useTermName('field');
  const region = useTermName('region');
  const maturity = useTermName('maturity_stage');
  const ipType = useTermName('ip_type');
  const tags = [
    ...(query.q ? [`“${query.q}”`] : []),
    ...(query.field ?? []).map(field),
    ...(query.region ?? []).map(region),
    ...(query.maturity ?? []).map(maturity),
    ...(query.ipType ?? []).map(ipType),
    ...(query.mode ?? []).map((m) => t(`modes.${m}`, { defaultValue: m })),
    ...(query.institution ?? []),
  ];
  if (tags.length === 0) return <Tag>{t('outreach.saved.anything')}</Tag>;
  return (
    <Space wrap size={4}>
      {tags.map((tag, i) => (
        <Tag key={i}>{tag}</Tag>
      ))}
    </Space>
  );
}

/** The caller's saved searches: what each looks for, how much it sent, and delete. */
export default function SavedSearches() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['saved-searches'], queryFn: () => api<SavedSearch[]>('/saved-searches') });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/saved-searches/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      void message.success(t('outreach.saved.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['saved-searches'] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card title={t('outreach.saved.title')}>
      <Typography.Paragraph type="secondary">{t('outreach.saved.intro')}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {list.data?.length === 0 ? (
        <Empty description={t('outreach.saved.none')} />
      ) : (
        <List
          loading={list.isPending}
          dataSource={list.data}
          renderItem={(s) => (
            <List.Item
              data-testid="saved-search"
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('outreach.saved.delete')}
                  description={t('outreach.saved.deleteConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate(s.id)}
                >
                  <Button size="small" danger>
                    {t('outreach.saved.delete')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <strong>{s.name}</strong>
                    <Tag color="blue">{t(`search.types.${s.type}`)}</Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={4}>
                    <Conditions query={s.query} />
                    <Typography.Text type="secondary">
                      {`${t('outreach.saved.sent')}: ${s.sent} · ${formatDate(s.createdAt)}`}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The search page's "save this search": its type, text and filters, with an optional name. */
export function SaveSearchButton({ type, query }: { type: SearchType; query: SavedQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name?: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (name: string | undefined) =>
      api<SavedSearch>('/saved-searches', {
        method: 'POST',
        body: { ...query, type, name: name?.trim() || undefined },
      }),
    onSuccess: async () => {
      void message.success(t('outreach.saved.savedOk'));
      setOpen(false);
      setError(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['saved-searches'] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  if (type === 'researcher') return null;
  return (
    <>
      <Space wrap>
        <Button onClick={() => setOpen(true)} data-testid="save-search">
          {t('outreach.saved.save')}
        </Button>
        <Link to="/saved-searches">{t('outreach.saved.manage')}</Link>
      </Space>
      <Modal
        open={open}
        title={t('outreach.saved.saveTitle')}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onOk={() => save.mutate(form.getFieldValue('name') as string | undefined)}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Conditions query={query} />
          <Form form={form} layout="vertical">
            <Form.Item name="name" label={t('outreach.saved.name')} rules={[{ max: 100 }]}>
              <Input placeholder={t('outreach.saved.namePlaceholder')} maxLength={100} data-testid="save-search-name" />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </>
  );
}

/** The page an unsubscribe link opens: it stops the saved search at once, without signing in. */
export function Unsubscribe() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const stop = useMutation({
    mutationFn: () =>
      api<{ stopped: true; name: string | null }>('/saved-searches/unsubscribe', {
        method: 'POST',
        anonymous: true,
        body: { id: params.get('id') ?? '', token: params.get('token') ?? '' },
      }),
  });
  const { mutate } = stop;
  const sent = useRef(false);
  // Once per page: a second request would find the search already gone and say so instead.
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  if (stop.isError) {
    return <Result status="warning" title={t('outreach.saved.unsubscribeFailed', { message: stop.error.message })} />;
  }
  if (!stop.isSuccess) return <Result icon={<Spin />} title={t('outreach.saved.unsubscribing')} />;
  return (
    <Result
      status="success"
      title={t('outreach.saved.unsubscribeTitle')}
      subTitle={
        stop.data.name
          ? t('outreach.saved.unsubscribed', { name: stop.data.name })
          : t('outreach.saved.unsubscribedAlready')
      }
      extra={<Link to="/">{t('common.home')}</Link>}
    />
  );
}
