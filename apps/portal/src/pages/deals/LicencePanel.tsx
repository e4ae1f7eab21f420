import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, openDocument } from '../../api/client';
import type {
  Deal,
  Instalment,
  Licence,
  PaymentInput,
  ReportResult,
  RevenueReport,
  RevenueReportInput,
} from '../../api/deals';
import { DateInput, today } from '../../components/DateInput';
import { showServerErrors } from '../../components/forms';
import { MoneyInput } from '../../components/MoneyInput';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';
import { UfplTermsView } from './UfplTermsView';

const STANDING_COLOURS: Record<Instalment['standing'], string> = {
  paid: 'green',
  current: 'blue',
  overdue: 'orange',
  defaulted: 'red',
};

/** Statuses in which the licensee reports revenue. */
const REPORTING = new Set<Deal['status']>(['free_use', 'paying', 'overdue', 'defaulted']);

/** The licensee reports its revenue for a period; the first report may reach the payment trigger. */
function ReportRevenue({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RevenueReportInput>();
  const [key, setKey] = useState(idempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const report = useMutation({
    mutationFn: (values: RevenueReportInput) =>
      api<ReportResult>(`/deals/${deal.id}/revenue-reports`, {
        method: 'POST',
        body: values,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async (result) => {
      setError(null);
      setKey(idempotencyKey());
      form.resetFields();
      void message.success(result.triggered ? t('deals.licence.reportedTriggered') : t('deals.licence.reported'));
      await queryClient.invalidateQueries({ queryKey: ['licence', deal.id] });
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Card size="small" title={t('deals.licence.report')} data-testid="report-revenue">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" onFinish={(v) => report.mutate(v)}>
        <Form.Item name="periodStart" label={t('deals.licence.periodStart')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('deals.licence.periodEnd')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="revenue" label={t('deals.licence.revenue')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          {t('deals.licence.report')}
        </Button>
      </Form>
    </Card>
  );
}

/** The institution or the manager records a payment received for one instalment. */
function RecordPayment({ deal, instalment, onClose }: { deal: Deal; instalment: Instalment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PaymentInput>();
  const [key] = useState(idempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const pay = useMutation({
    mutationFn: (values: PaymentInput) =>
      api(`/deals/${deal.id}/payments`, {
        method: 'POST',
        body: { ...values, instalmentId: instalment.id },
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      void message.success(t('deals.licence.paymentRecorded'));
      await queryClient.invalidateQueries({ queryKey: ['licence', deal.id] });
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
      await queryClient.invalidateQueries({ queryKey: ['income', deal.id] });
      onClose();
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Modal
      open
      title={`${t('deals.licence.recordPayment')} · ${instalment.invoiceNo}`}
      okText={t('deals.licence.recordPayment')}
      confirmLoading={pay.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: instalment.amount, paidOn: today() }}
        onFinish={(v) => pay.mutate(v)}
      >
        <Form.Item name="amount" label={t('deals.licence.amount')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="paidOn" label={t('deals.licence.paidOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A use-first-pay-later licence in force: its terms, the revenue reports, the payments and their notices. */
export function LicencePanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [paying, setPaying] = useState<Instalment | null>(null);
  const licence = useQuery({
    queryKey: ['licence', deal.id],
    queryFn: () => api<Licence>(`/deals/${deal.id}/licence`),
  });
  if (licence.error instanceof ApiError && licence.error.status === 404) {
    return <Alert type="info" showIcon title={t('deals.licence.notStarted')} />;
  }
  const broker = deal.capacity === 'institution' || deal.capacity === 'manager';
  return (
    <QueryState query={licence}>
      {(l) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('deals.ufpl.triggeredOn')}>
              {l.triggeredOn ? formatDate(l.triggeredOn) : t('deals.ufpl.notTriggered')}
            </Descriptions.Item>
          </Descriptions>
          <UfplTermsView terms={l.terms} />
          {deal.capacity === 'company' && REPORTING.has(deal.status) && <ReportRevenue deal={deal} />}
          <Card size="small" title={t('deals.licence.instalments')}>
            <Table<Instalment>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="instalments"
              dataSource={l.instalments}
              locale={{ emptyText: t('deals.licence.noInstalments') }}
              columns={[
                { title: t('deals.licence.seq'), dataIndex: 'seq' },
                { title: t('deals.licence.kind'), render: (_, i) => t(`deals.licence.kinds.${i.kind}`) },
                { title: t('deals.licence.amount'), render: (_, i) => formatMoney(i.amount) },
                { title: t('deals.licence.dueOn'), render: (_, i) => formatDate(i.dueOn) },
                { title: t('deals.licence.invoiceNo'), dataIndex: 'invoiceNo' },
                {
                  title: t('deals.licence.standing'),
                  render: (_, i) => (
                    <Tag color={STANDING_COLOURS[i.standing]}>{t(`deals.licence.standings.${i.standing}`)}</Tag>
                  ),
                },
                { title: t('deals.licence.paidOn'), render: (_, i) => formatDate(i.paidOn) },
                {
                  title: t('common.actions'),
                  render: (_, i) => (
                    <Space>
                      <a
                        onClick={() =>
                          void openDocument(`/deals/${deal.id}/instalments/${i.id}/invoice`).catch((e: Error) =>
                            message.error(e.message),
                          )
                        }
                      >
                        {t('deals.licence.invoice')}
                      </a>
                      {broker && !i.paidOn && <a onClick={() => setPaying(i)}>{t('deals.licence.recordPayment')}</a>}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('deals.licence.reports')}>
            <Table<RevenueReport>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={l.reports}
              locale={{ emptyText: t('deals.licence.noReports') }}
              columns={[
                {
                  title: t('deals.licence.period'),
                  render: (_, r) => `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}`,
                },
                { title: t('deals.licence.revenue'), render: (_, r) => formatMoney(r.revenue) },
                { title: t('deals.licence.royalty'), render: (_, r) => formatMoney(r.royalty) },
              ]}
            />
          </Card>
          {paying && <RecordPayment deal={deal} instalment={paying} onClose={() => setPaying(null)} />}
        </Space>
      )}
    </QueryState>
  );
}
