import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Appointment, MinedDraft, Visit } from '../../api/outreach';
import type { NeedInput } from '../../api/types';
import { DateInput, today } from '../../components/DateInput';
import { compact, showServerErrors } from '../../components/forms';
import { NeedFields } from '../../components/NeedFields';
import { formatDate } from '../../format';

interface VisitValues {
  companyId: string;
  visitedOn: string;
  findings: string;
}

interface DraftValues {
  companyId: string;
  visitId?: string;
  need: NeedInput;
}

/** A commissioner's appointments, visits and the needs drafted for companies, on one page. */
export default function CommissionerWork() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [visitForm] = Form.useForm<VisitValues>();
  const [draftForm] = Form.useForm<DraftValues>();
  const [visitError, setVisitError] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const appointments = useQuery({
    queryKey: ['commissioner', 'appointments'],
    queryFn: () => api<Appointment[]>('/commissioner/appointments'),
  });
  const visits = useQuery({
    queryKey: ['commissioner', 'visits'],
    queryFn: () => api<Visit[]>('/commissioner/visits'),
  });
  const drafts = useQuery({
    queryKey: ['commissioner', 'drafts'],
    queryFn: () => api<MinedDraft[]>('/commissioner/drafts'),
  });
  const active = appointments.data?.filter((a) => a.active) ?? [];
  const companyName = (id: string) => appointments.data?.find((a) => a.company.id === id)?.company.name ?? '';
  const chosenCompany = Form.useWatch('companyId', draftForm);

  const recordVisit = useMutation({
    mutationFn: (values: VisitValues) => api<Visit>('/commissioner/visits', { method: 'POST', body: values }),
    onSuccess: async () => {
      void message.success(t('outreach.work.visitSaved'));
      setVisitError(null);
      visitForm.resetFields(['findings']);
      await queryClient.invalidateQueries({ queryKey: ['commissioner'] });
    },
    onError: (e) => setVisitError(showServerErrors(visitForm, e)),
  });
  const draft = useMutation({
    mutationFn: (values: DraftValues) =>
      api<MinedDraft>('/commissioner/drafts', {
        method: 'POST',
        body: compact({ ...values, need: compact(values.need) }),
      }),
    onSuccess: async () => {
      void message.success(t('outreach.work.draftSaved'));
      setDraftError(null);
      draftForm.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['commissioner'] });
    },
    onError: (e) => setDraftError(showServerErrors(draftForm, e)),
  });

  const companyOptions = active.map((a) => ({ value: a.company.id, label: a.company.name }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('outreach.work.title')}>
        <Typography.Paragraph type="secondary">{t('outreach.work.intro')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('outreach.work.appointments')}</Typography.Title>
        <List
          loading={appointments.isPending}
          dataSource={appointments.data}
          locale={{ emptyText: t('outreach.work.noAppointments') }}
          renderItem={(a) => (
            <List.Item data-testid="commissioner-appointment">
              <Space wrap>
                <strong>{a.company.name}</strong>
                <span>{`${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`}</span>
                <Tag color={a.active ? 'green' : undefined}>
                  {a.active ? t('outreach.appointments.active') : t('outreach.appointments.inactive')}
                </Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {active.length > 0 && (
        <Card title={t('outreach.work.recordVisit')}>
          {visitError && <Alert type="error" showIcon title={visitError} style={{ marginBottom: 12 }} role="alert" />}
          <Form<VisitValues>
            form={visitForm}
            layout="vertical"
            style={{ maxWidth: 640 }}
            initialValues={{ visitedOn: today(), companyId: active[0].company.id }}
            onFinish={(values) => recordVisit.mutate(values)}
          >
            <Form.Item name="companyId" label={t('outreach.appointments.company')} rules={[{ required: true }]}>
              <Select options={companyOptions} />
            </Form.Item>
            <Form.Item name="visitedOn" label={t('outreach.work.visitedOn')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
            <Form.Item
              name="findings"
              label={t('outreach.work.findings')}
              rules={[{ required: true }, { min: 2, max: 5000 }]}
            >
              <Input.TextArea rows={3} placeholder={t('outreach.work.findingsPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={recordVisit.isPending}>
              {t('outreach.work.recordVisit')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('outreach.work.visits')}>
        <List
          loading={visits.isPending}
          dataSource={visits.data}
          locale={{ emptyText: t('outreach.work.noVisits') }}
          renderItem={(v) => (
            <List.Item data-testid="commissioner-visit">
              <List.Item.Meta
                title={`${formatDate(v.visitedOn)} · ${companyName(v.companyId)}`}
                description={v.findings}
              />
            </List.Item>
          )}
        />
      </Card>
      {active.length > 0 && (
        <Card title={t('outreach.work.draftNeed')}>
          {draftError && <Alert type="error" showIcon title={draftError} style={{ marginBottom: 12 }} role="alert" />}
          <Form<DraftValues>
            form={draftForm}
            layout="vertical"
            style={{ maxWidth: 760 }}
            initialValues={{
              companyId: active[0].company.id,
              need: { confidentiality: 'public', cooperationModes: [] },
            }}
            onFinish={(values) => draft.mutate(values)}
          >
            <Form.Item name="companyId" label={t('outreach.appointments.company')} rules={[{ required: true }]}>
              <Select options={companyOptions} />
            </Form.Item>
            <Form.Item name="visitId" label={t('outreach.work.fromVisit')}>
              <Select
                allowClear
                options={visits.data
                  ?.filter((v) => v.companyId === chosenCompany)
                  .map((v) => ({ value: v.id, label: `${formatDate(v.visitedOn)} · ${v.findings.slice(0, 40)}` }))}
              />
            </Form.Item>
            <NeedFields />
            <Button type="primary" htmlType="submit" loading={draft.isPending}>
              {t('outreach.work.draftNeed')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('outreach.work.drafts')}>
        {drafts.data?.length === 0 ? (
          <Empty description={t('outreach.work.noDrafts')} />
        ) : (
          <List
            loading={drafts.isPending}
            dataSource={drafts.data}
            renderItem={(d) => (
              <List.Item data-testid="commissioner-draft">
                <Space wrap>
                  <strong>{d.need.title}</strong>
                  <span>{companyName(d.companyId)}</span>
                  <Tag color={d.status === 'confirmed' ? 'green' : 'gold'}>{t(`outreach.work.status.${d.status}`)}</Tag>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
