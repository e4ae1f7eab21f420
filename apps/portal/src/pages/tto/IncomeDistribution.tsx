import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { IncomePolicy, Statement } from '../../api/deals';
import { showServerErrors } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney } from '../../format';

interface ResearcherTotal {
  researcherId: string;
  name: string;
  entries: number;
  total: string;
}

/** The institution's distribution policy: the research team's floor and the institution's cap. */
function PolicyForm({ policy }: { policy: IncomePolicy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IncomePolicy>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: IncomePolicy) => api<IncomePolicy>('/income/policy', { method: 'PUT', body: values }),
    onSuccess: async () => {
      setError(null);
      void message.success(t('deals.statements.policySaved'));
      await queryClient.invalidateQueries({ queryKey: ['income-policy'] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Form form={form} layout="inline" initialValues={policy} onFinish={(v) => save.mutate(v)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, width: '100%' }} />}
      <Form.Item name="teamFloorPercent" label={t('deals.statements.teamFloorPercent')} rules={[{ required: true }]}>
        <InputNumber<string> stringMode min="0" max="100" />
      </Form.Item>
      <Form.Item
        name="institutionCapPercent"
        label={t('deals.statements.institutionCapPercent')}
        rules={[{ required: true }]}
      >
        <InputNumber<string> stringMode min="0" max="100" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('deals.statements.savePolicy')}
      </Button>
    </Form>
  );
}

/** One researcher's statement: every ledger entry in their name, with the deal it came from. */
function StatementDrawer({ researcherId, onClose }: { researcherId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const statement = useQuery({
    queryKey: ['statement', researcherId],
    queryFn: () => api<Statement>(`/income/statements/${researcherId}`),
  });
  return (
    <Drawer
      open
      size={720}
      title={statement.data?.researcher.name ?? t('deals.statements.statement')}
      onClose={onClose}
    >
      <QueryState query={statement}>
        {(s) => (
          <Table<Statement['lines'][number]>
            rowKey={(l) => `${l.incomeEventId}`}
            size="small"
            pagination={false}
            data-testid="statement"
            dataSource={s.lines}
            locale={{ emptyText: t('deals.statements.none') }}
            columns={[
              { title: t('deals.income.occurredOn'), render: (_, l) => formatDate(l.occurredOn) },
              {
                title: t('deals.statements.deal'),
                render: (_, l) => <Link to={`/deals/${l.dealId}`}>{l.dealTitle}</Link>,
              },
              {
                title: t('deals.income.kind'),
                render: (_, l) => t(`deals.income.kinds.${l.kind}`, { defaultValue: l.kind }),
              },
              { title: t('deals.statements.incomeAmount'), render: (_, l) => formatMoney(l.incomeAmount) },
              { title: t('deals.statements.amount'), render: (_, l) => formatMoney(l.amount) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('deals.statements.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <Typography.Text strong data-testid="statement-total">
                    {formatMoney(s.total)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        )}
      </QueryState>
    </Drawer>
  );
}

/** The TTO's income distribution: its policy, and what each researcher has been allotted. */
export default function IncomeDistribution() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const policy = useQuery({ queryKey: ['income-policy'], queryFn: () => api<IncomePolicy>('/income/policy') });
  const totals = useQuery({
    queryKey: ['income-researchers'],
    queryFn: () => api<ResearcherTotal[]>('/income/researchers'),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('deals.statements.title')}>
        <Typography.Paragraph type="secondary">{t('deals.statements.intro')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('deals.statements.policy')}</Typography.Title>
        <QueryState query={policy}>{(p) => <PolicyForm policy={p} />}</QueryState>
      </Card>
      <Card title={t('deals.statements.researcher')}>
        <Table<ResearcherTotal>
          rowKey="researcherId"
          data-testid="researcher-totals"
          loading={totals.isPending}
          dataSource={totals.data}
          pagination={false}
          locale={{ emptyText: totals.isError ? totals.error.message : t('deals.income.noEvents') }}
          columns={[
            { title: t('deals.statements.researcher'), dataIndex: 'name' },
            { title: t('deals.statements.entries'), dataIndex: 'entries' },
            { title: t('deals.statements.total'), render: (_, r) => formatMoney(r.total) },
            {
              title: t('common.actions'),
              render: (_, r) => <a onClick={() => setOpen(r.researcherId)}>{t('deals.statements.statement')}</a>,
            },
          ]}
        />
      </Card>
      {open && <StatementDrawer researcherId={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
