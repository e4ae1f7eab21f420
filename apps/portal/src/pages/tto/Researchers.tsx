import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page, Researcher, ResearcherInput } from '../../api/types';
import { compact, showServerErrors } from '../../components/forms';
import { TaxonomySelect } from '../../components/taxonomy';

/** The institution's researcher profiles; contacts stay with the TTO until a connection. */
export default function Researchers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Researcher | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<ResearcherInput>();
  const list = useQuery({
    queryKey: ['researchers', page],
    queryFn: () => api<Page<Researcher>>('/researchers', { query: { page, pageSize: 20 } }),
  });
  const save = useMutation({
    mutationFn: (values: ResearcherInput) => {
      const body = compact(values);
      return editing && editing !== 'new'
        ? api<Researcher>(`/researchers/${editing.id}`, { method: 'PATCH', body })
        : api<Researcher>('/researchers', { method: 'POST', body });
    },
    onSuccess: async () => {
      setEditing(null);
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['researchers'] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const open = (r: Researcher | 'new') => {
    setError(null);
    form.resetFields();
    if (r !== 'new') form.setFieldsValue({ ...r, email: r.email ?? undefined, phone: r.phone ?? undefined });
    setEditing(r);
  };

  return (
    <Card
      title={t('researchers.title')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {t('researchers.new')}
        </Button>
      }
    >
      <Table<Researcher>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('common.empty') }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        // Names and titles stay on one line; a narrow screen scrolls the table, not the letters.
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('researchers.name'),
            dataIndex: 'name',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (name: string, r) => <Link to={`/researchers/${r.id}`}>{name}</Link>,
          },
          {
            title: t('researchers.titleField'),
            dataIndex: 'title',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          { title: t('researchers.institution'), dataIndex: 'institutionName' },
          {
            title: t('researchers.areas'),
            render: (_, r) => r.researchAreas.map((a) => <Tag key={a}>{a}</Tag>),
            onCell: () => ({ style: { minWidth: 200 } }),
          },
          { title: t('researchers.email'), dataIndex: 'email' },
          { title: t('common.actions'), render: (_, r) => <a onClick={() => open(r)}>{t('common.edit')}</a> },
        ]}
      />
      <Drawer
        open={editing !== null}
        size={520}
        title={editing === 'new' ? t('researchers.new') : t('common.edit')}
        onClose={() => setEditing(null)}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('researchers.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('researchers.titleField')}>
            <Input />
          </Form.Item>
          <Form.Item name="institutionName" label={t('researchers.institution')}>
            <Input />
          </Form.Item>
          <Form.Item name="researchAreas" label={t('researchers.areas')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ';', '；']} />
          </Form.Item>
          <Form.Item name="fieldCodes" label={t('achievement.fields')}>
            <TaxonomySelect kind="field" mode="multiple" />
          </Form.Item>
          <Form.Item name="profile" label={t('researchers.profile')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="email" label={t('researchers.email')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('researchers.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="commissionerAvailable" label={t('researchers.commissioner')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Drawer>
    </Card>
  );
}
