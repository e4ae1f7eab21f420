import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../api/client';
import type { Deal, Distribution, DistributionInput, IncomeEvent, IncomeInput } from '../../api/deals';
import { DateInput, today } from '../../components/DateInput';
import { showServerErrors } from '../../components/forms';
import { MoneyInput } from '../../components/MoneyInput';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney, joinList } from '../../format';
import { useResearchers } from './useResearchers';

/** The institution sets the costs recovered first and each researcher's share of the team's income. */
function DistributionForm({ deal, current }: { deal: Deal; current: Distribution }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DistributionInput>();
  const [error, setError] = useState<string | null>(null);
  const researchers = useResearchers(true);
  const save = useMutation({
    mutationFn: (values: DistributionInput) =>
      api<Deal>(`/deals/${deal.id}/distribution`, { method: 'PUT', body: values }),
    onSuccess: async () => {
      setError(null);
      void message.success(t('deals.income.distributionSaved'));
      await queryClient.invalidateQueries({ queryKey: ['distribution', deal.id] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Form<DistributionInput>
      form={form}
      layout="vertical"
      data-testid="distribution-form"
      initialValues={{
        recoverableCosts: current.recoverableCosts,
        contributions: current.contributions.map(({ researcherId, sharePercent }) => ({ researcherId, sharePercent })),
      }}
      onFinish={(v) => save.mutate({ ...v, contributions: v.contributions ?? [] })}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="recoverableCosts" label={t('deals.income.recoverableCosts')} rules={[{ required: true }]}>
        <MoneyInput />
      </Form.Item>
      <Form.List name="contributions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'researcherId']} rules={[{ required: true }]}>
                  <Select
                    aria-label={t('deals.income.researcher')}
                    placeholder={t('deals.income.researcher')}
                    style={{ width: 220 }}
                    loading={researchers.isPending}
                    options={researchers.data?.map((r) => ({ value: r.id, label: r.name }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'sharePercent']} rules={[{ required: true }]}>
                  <InputNumber<string>
                    aria-label={t('deals.income.share')}
                    stringMode
                    min="0"
                    max="100"
                    suffix="%"
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {t('deals.income.remove')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add()}>
                {t('deals.income.addResearcher')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('deals.income.saveDistribution')}
      </Button>
    </Form>
  );
}

/** The institution records income not tied to an instalment: a fee, a dividend, exit proceeds. */
function RecordIncome({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IncomeInput>();
  const [key, setKey] = useState(idempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (values: IncomeInput) =>
      api<IncomeEvent>(`/deals/${deal.id}/income`, {
        method: 'POST',
        body: values,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      setError(null);
      setKey(idempotencyKey());
      form.resetFields();
      void message.success(t('deals.income.recorded'));
      await queryClient.invalidateQueries({ queryKey: ['income', deal.id] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const kinds = deal.type === 'rights_for_equity' ? (['dividend', 'exit', 'fee'] as const) : (['fee'] as const);
  return (
    <Card size="small" title={t('deals.income.record')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: kinds[0], occurredOn: today() }}
        onFinish={(v) => record.mutate(v)}
      >
        <Form.Item name="kind" label={t('deals.income.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={kinds.map((value) => ({ value, label: t(`deals.income.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('deals.income.amount')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('deals.income.occurredOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('deals.income.record')}
        </Button>
      </Form>
    </Card>
  );
}

/** The research team's distribution and every income event split into ledger entries. */
export function IncomePanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const distribution = useQuery({
    queryKey: ['distribution', deal.id],
    queryFn: () => api<Distribution>(`/deals/${deal.id}/distribution`),
  });
  const income = useQuery({
    queryKey: ['income', deal.id],
    queryFn: () => api<IncomeEvent[]>(`/deals/${deal.id}/income`),
  });
  const institution = deal.capacity === 'institution';
  const names = new Map((distribution.data?.contributions ?? []).map((c) => [c.researcherId, c.name]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('deals.income.distribution')}>
        <QueryState query={distribution}>
          {(d) =>
            institution ? (
              <DistributionForm deal={deal} current={d} />
            ) : (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('deals.income.recoverableCosts')}>
                  {formatMoney(d.recoverableCosts)}
                </Descriptions.Item>
                <Descriptions.Item label={t('deals.income.contributions')}>
                  {d.contributions.length === 0
                    ? t('deals.income.noContributions')
                    : joinList(d.contributions.map((c) => `${c.name} ${Number(c.sharePercent)}%`))}
                </Descriptions.Item>
              </Descriptions>
            )
          }
        </QueryState>
      </Card>
      {institution && <RecordIncome deal={deal} />}
      <Card size="small" title={t('deals.income.events')}>
        <Table<IncomeEvent>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="income-events"
          loading={income.isPending}
          dataSource={income.data}
          locale={{ emptyText: income.isError ? income.error.message : t('deals.income.noEvents') }}
          columns={[
            { title: t('deals.income.occurredOn'), render: (_, e) => formatDate(e.occurredOn) },
            { title: t('deals.income.kind'), render: (_, e) => t(`deals.income.kinds.${e.kind}`) },
            { title: t('deals.income.amount'), render: (_, e) => formatMoney(e.amount) },
            {
              title: t('deals.income.entries'),
              render: (_, e) => (
                <Space wrap size={[4, 4]}>
                  {e.entries.map((entry, i) => (
                    <Tag key={i}>
                      {entry.researcherId
                        ? (names.get(entry.researcherId) ?? t('deals.income.parties.researcher'))
                        : t(`deals.income.parties.${entry.party}`)}{' '}
                      {formatMoney(entry.amount)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
