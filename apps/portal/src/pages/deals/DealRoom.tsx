import { App, Button, Card, Descriptions, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, Link } from 'react-router';
import { api, openDocument } from '../../api/client';
import type { Broker, Deal, DealAction } from '../../api/deals';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format';
import { DealStatusTag } from './DealStatusTag';
import { EquityPanel } from './EquityPanel';
import { IncomePanel } from './IncomePanel';
import { LicencePanel } from './LicencePanel';
import { RoomThread } from './RoomThread';
import { TermSheets } from './TermSheets';

/** Steps that end or give up the deal: shown in red. */
const GRAVE: readonly DealAction[] = ['cancel', 'terminate', 'opt_out'];
/** Steps that cannot be undone: asked for with a confirmation. */
const CONFIRMED: readonly DealAction[] = [...GRAVE, 'exit'];

/** The contract exists once both sides have accepted a version of the terms. */
const NO_CONTRACT = new Set<Deal['status']>(['negotiating', 'cancelled']);

export function useDealQuery(id: string) {
  return useQuery({ queryKey: ['deal', id], queryFn: () => api<Deal>(`/deals/${id}`) });
}

/** The party's next steps on the deal, as buttons, each one transition of its state machine. */
function Steps({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const step = useMutation({
    mutationFn: (action: DealAction) =>
      api<Deal>(`/deals/${deal.id}/transitions`, { method: 'POST', body: { action } }),
    onSuccess: async (updated, action) => {
      queryClient.setQueryData(['deal', deal.id], updated);
      void message.success(t('deals.stepDone', { action: t(`deals.actions.${action}`) }));
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
      await queryClient.invalidateQueries({ queryKey: ['licence', deal.id] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Space wrap data-testid="deal-steps">
      {deal.actions.map((action) =>
        CONFIRMED.includes(action) ? (
          <Popconfirm key={action} title={t(`deals.actions.${action}`)} onConfirm={() => step.mutate(action)}>
            <Button danger={GRAVE.includes(action)} loading={step.isPending && step.variables === action}>
              {t(`deals.actions.${action}`)}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={action}
            type="primary"
            loading={step.isPending && step.variables === action}
            onClick={() => step.mutate(action)}
          >
            {t(`deals.actions.${action}`)}
          </Button>
        ),
      )}
      {!NO_CONTRACT.has(deal.status) && (
        <Button
          onClick={() => void openDocument(`/deals/${deal.id}/contract`).catch((e: Error) => message.error(e.message))}
        >
          {t('deals.contract')}
        </Button>
      )}
    </Space>
  );
}

/** The institution picks the technology manager who brokers the deal. */
function ManagerPicker({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const brokers = useQuery({ queryKey: ['brokers'], queryFn: () => api<Broker[]>('/deals/brokers') });
  const assign = useMutation({
    mutationFn: (userId: string) => api<Deal>(`/deals/${deal.id}/manager`, { method: 'POST', body: { userId } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['deal', deal.id], updated);
      void message.success(t('deals.managerAssigned'));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Select
      aria-label={t('deals.assignManager')}
      placeholder={t('deals.assignManager')}
      style={{ minWidth: 260 }}
      loading={brokers.isPending || assign.isPending}
      value={deal.manager?.id}
      onChange={(userId: string) => assign.mutate(userId)}
      options={brokers.data?.map((b) => ({ value: b.id, label: `${b.name} · ${b.organisation}` }))}
    />
  );
}

/** A deal room: the parties, the next steps, and the negotiation, licence, equity and income. */
export default function DealRoom() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const deal = useDealQuery(id);
  return (
    <QueryState query={deal}>
      {(d) => {
        const tabs = [
          { key: 'terms', label: t('deals.tabs.terms'), children: <TermSheets deal={d} /> },
          { key: 'messages', label: t('deals.tabs.messages'), children: <RoomThread deal={d} /> },
        ];
        if (d.type === 'use_first_pay_later') {
          tabs.push({ key: 'licence', label: t('deals.tabs.licence'), children: <LicencePanel deal={d} /> });
        }
        if (d.type === 'rights_for_equity' || d.type === 'rights_grant') {
          tabs.push({ key: 'equity', label: t('deals.tabs.equity'), children: <EquityPanel deal={d} /> });
        }
        if (d.capacity !== 'company') {
          tabs.push({ key: 'income', label: t('deals.tabs.income'), children: <IncomePanel deal={d} /> });
        }
        return (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap>
                  <Typography.Text strong data-testid="deal-title">
                    {d.title}
                  </Typography.Text>
                  <Tag>{t(`deals.types.${d.type}`)}</Tag>
                  <span data-testid="deal-status">
                    <DealStatusTag status={d.status} />
                  </span>
                </Space>
              }
              extra={<Steps deal={d} />}
            >
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('deals.institution')}>{d.institution.name}</Descriptions.Item>
                <Descriptions.Item label={t('deals.company')}>{d.company.name}</Descriptions.Item>
                <Descriptions.Item label={t('deals.achievement')}>
                  <Link to={`/achievements/${d.achievement.id}`}>{d.achievement.title}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('deals.need')}>
                  {d.need ? <Link to={`/needs/${d.need.id}`}>{d.need.title}</Link> : '—'}
                </Descriptions.Item>
                {d.licenceScope && (
                  <Descriptions.Item label={t('deals.scope')}>{t(`deals.scopes.${d.licenceScope}`)}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('deals.signedOn')}>{formatDate(d.signedOn)}</Descriptions.Item>
                <Descriptions.Item label={t('deals.manager')}>
                  {d.capacity === 'institution' ? (
                    <ManagerPicker deal={d} />
                  ) : (
                    (d.manager?.name ?? t('deals.noManager'))
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('deals.myCapacity')}>
                  {t(`deals.capacities.${d.capacity}`)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card>
              <Tabs items={tabs} />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
