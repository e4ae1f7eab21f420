import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { CompanyDraft } from '../../api/outreach';
import type { NeedInput } from '../../api/types';
import { compact, showServerErrors } from '../../components/forms';
import { NeedFields } from '../../components/NeedFields';
import { formatDate } from '../../format';

function StatusTag({ draft }: { draft: CompanyDraft }) {
  const { t } = useTranslation();
  return <Tag color={draft.status === 'confirmed' ? 'green' : 'gold'}>{t(`outreach.work.status.${draft.status}`)}</Tag>;
}

/** The needs commissioners drafted for the company, each opening its own page to edit and confirm. */
export default function MinedNeeds() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['mined-needs'], queryFn: () => api<CompanyDraft[]>('/mined-needs') });
  return (
    <Card title={t('outreach.mined.title')}>
      <Typography.Paragraph type="secondary">{t('outreach.mined.intro')}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {list.data?.length === 0 ? (
        <Empty description={t('outreach.mined.none')} />
      ) : (
        <List
          loading={list.isPending}
          dataSource={list.data}
          renderItem={(d) => (
            <List.Item data-testid="mined-need">
              <List.Item.Meta
                title={<Link to={`/mined-needs/${d.id}`}>{d.need.title}</Link>}
                description={
                  <Space wrap size={4}>
                    <StatusTag draft={d} />
                    <span>{`${t('outreach.mined.by')}: ${d.commissioner.name} · ${d.commissioner.institution}`}</span>
                    <span>{formatDate(d.createdAt)}</span>
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

/** One drafted need: what the commissioner found and wrote; the company edits it and confirms it. */
export function MinedNeed() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ need: NeedInput }>();
  const [error, setError] = useState<string | null>(null);
  const draft = useQuery({ queryKey: ['mined-needs', id], queryFn: () => api<CompanyDraft>(`/mined-needs/${id}`) });
  useEffect(() => {
    if (draft.data) form.setFieldsValue({ need: draft.data.need });
  }, [draft.data, form]);
  const refresh = (saved: CompanyDraft) => {
    queryClient.setQueryData(['mined-needs', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['mined-needs'], exact: true });
  };
  const save = useMutation({
    mutationFn: (need: NeedInput) =>
      api<CompanyDraft>(`/mined-needs/${id}`, { method: 'PUT', body: { need: compact(need) } }),
    onSuccess: (saved) => {
      setError(null);
      refresh(saved);
      void message.success(t('outreach.mined.saved'));
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const confirm = useMutation({
    mutationFn: async () => {
      const need = (await form.validateFields()).need;
      await api<CompanyDraft>(`/mined-needs/${id}`, { method: 'PUT', body: { need: compact(need) } });
      return api<CompanyDraft>(`/mined-needs/${id}/confirm`, { method: 'POST' });
    },
    onSuccess: (saved) => {
      setError(null);
      refresh(saved);
      void message.success(t('outreach.mined.confirmed'));
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  if (draft.isPending) return <Card loading />;
  if (draft.isError) return <Alert type="error" showIcon title={draft.error.message} />;
  const d = draft.data;
  const open = d.status === 'awaiting_company';
  return (
    <Card title={d.need.title} extra={<StatusTag draft={d} />}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('outreach.mined.by')}>
          {`${d.commissioner.name} ${d.commissioner.title} · ${d.commissioner.institution}`}
        </Descriptions.Item>
        {d.visit && (
          <Descriptions.Item label={t('outreach.mined.visit')}>
            {`${formatDate(d.visit.visitedOn)}：${d.visit.findings}`}
          </Descriptions.Item>
        )}
      </Descriptions>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {open ? (
        <Form form={form} layout="vertical" style={{ maxWidth: 760 }} onFinish={(values) => save.mutate(values.need)}>
          <NeedFields />
          <Typography.Paragraph type="secondary">{t('outreach.mined.confirmHint')}</Typography.Paragraph>
          <Space wrap>
            <Button htmlType="submit" loading={save.isPending}>
              {t('outreach.mined.save')}
            </Button>
            <Popconfirm
              title={t('outreach.mined.confirm')}
              description={t('outreach.mined.confirmHint')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => confirm.mutate()}
            >
              <Button type="primary" loading={confirm.isPending} data-testid="mined-confirm">
                {t('outreach.mined.confirm')}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      ) : (
        <Space orientation="vertical">
          <Tag color="purple">{t('outreach.mined.minedTag')}</Tag>
          {d.needId && <Link to={`/needs/${d.needId}`}>{t('outreach.mined.openNeed')}</Link>}
        </Space>
      )}
    </Card>
  );
}
