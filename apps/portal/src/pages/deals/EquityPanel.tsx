import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Deal, Equity } from '../../api/deals';
import { DateInput } from '../../components/DateInput';
import { compact, showServerErrors } from '../../components/forms';
import { MoneyInput } from '../../components/MoneyInput';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney, joinList } from '../../format';
import { useResearchers } from './useResearchers';

type Grant = Equity['grants'][number];

/** One recording form (valuation, equity, grant): posts, shows the server's refusal on its fields. */
function RecordForm<T extends object>({
  deal,
  path,
  title,
  submit,
  initialValues,
  children,
}: {
  deal: Deal;
  path: string;
  title: string;
  submit: string;
  initialValues?: Partial<T>;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (values: T) => api<Equity>(`/deals/${deal.id}/${path}`, { method: 'POST', body: compact(values) }),
    onSuccess: async (view) => {
      setError(null);
      queryClient.setQueryData(['equity', deal.id], view);
      void message.success(t('deals.equity.saved'));
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Card size="small" title={title}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => record.mutate(v)}>
        {children}
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {submit}
        </Button>
      </Form>
    </Card>
  );
}

const required = [{ required: true }];

/** Rights-for-equity (valuation, equity taken and its split) and rights grants to researchers. */
export function EquityPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const equity = useQuery({ queryKey: ['equity', deal.id], queryFn: () => api<Equity>(`/deals/${deal.id}/equity`) });
  const institution = deal.capacity === 'institution';
  const researchers = useResearchers(institution);
  const names = new Map((researchers.data ?? []).map((r) => [r.id, r.name]));
  const researcherOptions = (researchers.data ?? []).map((r) => ({ value: r.id, label: r.name }));
  const canValue = (institution || deal.capacity === 'manager') && deal.status === 'signed';
  return (
    <QueryState query={equity}>
      {(e) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {deal.type === 'rights_for_equity' && (
            <>
              <Card size="small" title={t('deals.equity.valuation')}>
                {e.valuations.length === 0 ? (
                  <Empty description={t('deals.equity.noValuation')} />
                ) : (
                  e.valuations.map((v) => (
                    <Descriptions key={v.id} size="small" column={{ xs: 1, md: 4 }}>
                      <Descriptions.Item label={t('deals.equity.value')}>{formatMoney(v.value)}</Descriptions.Item>
                      <Descriptions.Item label={t('deals.equity.method')}>{v.method}</Descriptions.Item>
                      <Descriptions.Item label={t('deals.equity.appraiser')}>{v.appraiser}</Descriptions.Item>
                      <Descriptions.Item label={t('deals.equity.valuedOn')}>{formatDate(v.valuedOn)}</Descriptions.Item>
                    </Descriptions>
                  ))
                )}
              </Card>
              {canValue && (
                <RecordForm
                  deal={deal}
                  path="valuation"
                  title={t('deals.equity.recordValuation')}
                  submit={t('deals.equity.recordValuation')}
                >
                  <Form.Item name="value" label={t('deals.equity.value')} rules={required}>
                    <MoneyInput />
                  </Form.Item>
                  <Form.Item name="method" label={t('deals.equity.method')} rules={required}>
                    <Select
                      options={['收益法', '市场法', '成本法'].map((m) => ({ value: m, label: m }))}
                      style={{ maxWidth: 240 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name="appraiser"
                    label={t('deals.equity.appraiser')}
                    rules={[{ required: true, max: 200 }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="valuedOn" label={t('deals.equity.valuedOn')} rules={required}>
                    <DateInput />
                  </Form.Item>
                </RecordForm>
              )}
              <Card size="small" title={t('deals.equity.equity')}>
                {e.equity ? (
                  <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                    <Descriptions.Item label={t('deals.equity.companyName')}>
                      {e.equity.companyName}
                      {e.equity.newCompany ? ` (${t('deals.equity.newCompany')})` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deals.equity.equityPercent')}>
                      {Number(e.equity.equityPercent)}%
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deals.equity.takenOn')}>
                      {formatDate(e.equity.takenOn)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deals.equity.institutionPercent')}>
                      {Number(e.equity.institutionPercent)}%
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deals.equity.teamPercent')}>
                      {Number(e.equity.teamPercent)}%
                    </Descriptions.Item>
                  </Descriptions>
                ) : (
                  <Empty description={t('deals.equity.noEquity')} />
                )}
              </Card>
              {institution && deal.status === 'valued' && (
                <RecordForm
                  deal={deal}
                  path="equity"
                  title={t('deals.equity.recordEquity')}
                  submit={t('deals.equity.recordEquity')}
                  initialValues={{ companyName: deal.company.name }}
                >
                  <Form.Item
                    name="companyName"
                    label={t('deals.equity.companyName')}
                    rules={[{ required: true, min: 2 }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="newCompany" valuePropName="checked">
                    <Checkbox>{t('deals.equity.newCompany')}</Checkbox>
                  </Form.Item>
                  <Space wrap>
                    {(['equityPercent', 'institutionPercent', 'teamPercent'] as const).map((name) => (
                      <Form.Item key={name} name={name} label={t(`deals.equity.${name}`)} rules={required}>
                        <InputNumber<string> stringMode min="0" max="100" />
                      </Form.Item>
                    ))}
                  </Space>
                  <Form.Item name="takenOn" label={t('deals.equity.takenOn')} rules={required}>
                    <DateInput />
                  </Form.Item>
                </RecordForm>
              )}
            </>
          )}
          {deal.type === 'rights_grant' && (
            <>
              <Card size="small" title={t('deals.equity.grants')}>
                <Table<Grant>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={e.grants}
                  locale={{ emptyText: t('deals.equity.noGrants') }}
                  columns={[
                    { title: t('deals.equity.grantKind'), render: (_, g) => t(`deals.equity.grantKinds.${g.kind}`) },
                    {
                      title: `${t('deals.equity.sharePercent')} / ${t('deals.equity.termYears')}`,
                      render: (_, g) => (g.kind === 'co_ownership' ? `${Number(g.sharePercent)}%` : g.termYears),
                    },
                    {
                      title: t('deals.equity.researchers'),
                      render: (_, g) => joinList(g.researcherIds.map((id) => names.get(id) ?? id.slice(0, 8))),
                    },
                    { title: t('deals.equity.grantedOn'), render: (_, g) => formatDate(g.grantedOn) },
                  ]}
                />
              </Card>
              {institution && deal.status === 'signed' && (
                <GrantForm deal={deal} researcherOptions={researcherOptions} />
              )}
            </>
          )}
        </Space>
      )}
    </QueryState>
  );
}

/** The grant to researchers: a co-ownership share, or a long-term use right (at least 10 years). */
function GrantForm({ deal, researcherOptions }: { deal: Deal; researcherOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Grant['kind']>('use_right');
  return (
    <RecordForm
      deal={deal}
      path="rights-grants"
      title={t('deals.equity.recordGrant')}
      submit={t('deals.equity.recordGrant')}
      initialValues={{ kind: 'use_right', termYears: 10 }}
    >
      <Form.Item name="kind" label={t('deals.equity.grantKind')} rules={required}>
        <Select
          style={{ maxWidth: 240 }}
          onChange={(value: Grant['kind']) => setKind(value)}
          options={(['use_right', 'co_ownership'] as const).map((value) => ({
            value,
            label: t(`deals.equity.grantKinds.${value}`),
          }))}
        />
      </Form.Item>
      {kind === 'co_ownership' ? (
        <Form.Item name="sharePercent" label={t('deals.equity.sharePercent')} rules={required} preserve={false}>
          <InputNumber<string> stringMode min="0" max="100" />
        </Form.Item>
      ) : (
        <Form.Item name="termYears" label={t('deals.equity.termYears')} rules={required} preserve={false}>
          <InputNumber min={10} max={50} precision={0} />
        </Form.Item>
      )}
      <Form.Item name="researcherIds" label={t('deals.equity.researchers')} rules={required}>
        <Select mode="multiple" options={researcherOptions} />
      </Form.Item>
      <Form.Item name="grantedOn" label={t('deals.equity.grantedOn')} rules={required}>
        <DateInput />
      </Form.Item>
    </RecordForm>
  );
}
