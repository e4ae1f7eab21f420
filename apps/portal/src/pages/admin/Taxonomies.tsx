import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TaxonomyKind, TaxonomyTerm } from '../../api/types';
import { showServerErrors } from '../../components/forms';

interface TermValues {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode?: string;
  sortOrder?: number;
  active?: boolean;
}

const KINDS: TaxonomyKind[] = ['field', 'region', 'ip_type', 'maturity_stage'];
const KIND_LABELS: Record<TaxonomyKind, string> = {
  field: 'achievement.fields',
  region: 'auth.region',
  ip_type: 'achievement.ipType',
  maturity_stage: 'achievement.maturityStage',
};

/** The operator keeps the taxonomies: add or edit terms, retire those no longer chosen. */
export default function Taxonomies() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TaxonomyKind>('field');
  const [editing, setEditing] = useState<TaxonomyTerm | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<TermValues>();
  const terms = useQuery({
    queryKey: ['taxonomy-admin', kind],
    queryFn: () => api<TaxonomyTerm[]>(`/taxonomies/${kind}`, { query: { includeInactive: true } }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['taxonomy-admin', kind] });
    await queryClient.invalidateQueries({ queryKey: ['taxonomy', kind] });
  };
  const save = useMutation({
    mutationFn: ({ code, parentCode, ...rest }: TermValues) =>
      api<TaxonomyTerm>(`/taxonomies/${kind}/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: { ...rest, parentCode: parentCode || null },
      }),
    onSuccess: async () => {
      setEditing(null);
      void message.success(t('common.saved'));
      await refresh();
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const retire = useMutation({
    mutationFn: (code: string) => api(`/taxonomies/${kind}/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => void message.error(e.message),
  });
  const open = (term: TaxonomyTerm | 'new') => {
    setError(null);
    form.resetFields();
    if (term !== 'new') form.setFieldsValue({ ...term, parentCode: term.parentCode ?? undefined });
    setEditing(term);
  };
  return (
    <Card
      title={t('admin.taxonomies')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {t('admin.addTerm')}
        </Button>
      }
    >
      <Segmented<TaxonomyKind>
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        style={{ marginBottom: 16 }}
      />
      <Table<TaxonomyTerm>
        rowKey="code"
        size="small"
        loading={terms.isPending}
        dataSource={terms.data}
        locale={{ emptyText: terms.isError ? `${t('common.error')}: ${terms.error.message}` : t('common.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.nameZh'), dataIndex: 'nameZh' },
          { title: t('admin.nameEn'), dataIndex: 'nameEn' },
          { title: t('admin.parent'), dataIndex: 'parentCode' },
          {
            title: t('admin.active'),
            render: (_, term) => (term.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
          },
          {
            title: t('common.actions'),
            render: (_, term) => (
              <>
                <a onClick={() => open(term)}>{t('common.edit')}</a>
                {term.active && (
                  <Popconfirm title={t('admin.retire')} onConfirm={() => retire.mutate(term.code)}>
                    <a style={{ marginLeft: 12 }}>{t('admin.retire')}</a>
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.addTerm') : t('common.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ active: true }}>
          <Form.Item name="code" label={t('admin.code')} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentCode" label={t('admin.parent')}>
            <Input />
          </Form.Item>
          <Form.Item name="sortOrder" label="#">
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
