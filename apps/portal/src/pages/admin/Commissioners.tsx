import { useState } from 'react';
import { Alert, App, Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Appointment, CommissionerCandidate } from '../../api/outreach';
import type { Organisation, Page } from '../../api/types';
import { DateInput, today } from '../../components/DateInput';
import { showServerErrors } from '../../components/forms';
import { formatDate } from '../../format';

interface AppointValues {
  researcherId: string;
  companyId: string;
  startsOn: string;
  endsOn: string;
}

/** The operator appoints researchers as technology commissioners (科技特派员) to companies. */
export default function Commissioners() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppointValues>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ['admin', 'commissioner-candidates', text],
    queryFn: () => api<CommissionerCandidate[]>('/admin/commissioners/candidates', { query: { q: text } }),
  });
  const companies = useQuery({
    queryKey: ['admin', 'organisations', 'verified', 'companies'],
    queryFn: () => api<Page<Organisation>>('/admin/organisations', { query: { status: 'verified', limit: 100 } }),
    select: (page) => page.items.filter((o) => o.kind === 'enterprise'),
  });
  const list = useQuery({
    queryKey: ['admin', 'commissioners'],
    queryFn: () => api<Appointment[]>('/admin/commissioners'),
  });
  const appoint = useMutation({
    mutationFn: (values: AppointValues) => api<Appointment>('/admin/commissioners', { method: 'POST', body: values }),
    onSuccess: async () => {
      void message.success(t('outreach.appointments.appointed'));
      setError(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['admin', 'commissioners'] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('outreach.appointments.title')}>
        <Typography.Paragraph type="secondary">{t('outreach.appointments.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form<AppointValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ startsOn: today() }}
          onFinish={(values) => appoint.mutate(values)}
        >
          <Form.Item
            name="researcherId"
            label={t('outreach.appointments.researcher')}
            extra={t('outreach.appointments.researcherHint')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setText }}
              loading={candidates.isFetching}
              data-testid="commissioner-researcher"
              options={candidates.data?.map((c) => ({
                value: c.researcherId,
                label: `${c.name}${c.title ? ` ${c.title}` : ''} · ${c.institution.name}${
                  c.commissionerAvailable ? ` · ${t('outreach.appointments.available')}` : ''
                }`,
              }))}
            />
          </Form.Item>
          <Form.Item name="companyId" label={t('outreach.appointments.company')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="commissioner-company"
              options={companies.data?.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('outreach.appointments.startsOn')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
            <Form.Item name="endsOn" label={t('outreach.appointments.endsOn')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Space>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={appoint.isPending}>
              {t('outreach.appointments.appoint')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table<Appointment>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('outreach.appointments.none'),
          }}
          columns={[
            {
              title: t('outreach.appointments.researcher'),
              render: (_, a) => `${a.researcher.name} · ${a.institution.name}`,
            },
            { title: t('outreach.appointments.company'), render: (_, a) => a.company.name },
            {
              title: t('outreach.appointments.period'),
              render: (_, a) => (
                <Space wrap size={4}>
                  {`${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`}
                  <Tag color={a.active ? 'green' : undefined}>
                    {a.active ? t('outreach.appointments.active') : t('outreach.appointments.inactive')}
                  </Tag>
                </Space>
              ),
            },
            { title: t('outreach.appointments.visits'), dataIndex: 'visits' },
            { title: t('outreach.appointments.minedNeeds'), dataIndex: 'minedNeeds' },
          ]}
        />
      </Card>
    </Space>
  );
}
