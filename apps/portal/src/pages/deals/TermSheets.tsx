import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Deal, Side, TermSheet, TermSheetInput, UfplTerms } from '../../api/deals';
import { compact, showServerErrors } from '../../components/forms';
import { MoneyInput } from '../../components/MoneyInput';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, joinList } from '../../format';
import { UfplFields } from './UfplFields';
import { UfplTermsView } from './UfplTermsView';

const STATUS_COLOURS: Record<TermSheet['status'], string> = {
  open: 'gold',
  superseded: 'default',
  withdrawn: 'default',
  accepted: 'green',
};

/** One version of the terms, with the caller's accept / withdraw buttons while it is open. */
function Version({ deal, sheet, side }: { deal: Deal; sheet: TermSheet; side: Side | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: (action: 'accept' | 'withdraw') =>
      api<TermSheet>(`/deals/${deal.id}/term-sheets/${sheet.id}/${action}`, { method: 'POST' }),
    onSuccess: async (updated) => {
      if (updated.status === 'accepted') void message.success(t('deals.terms.agreedAll'));
      await queryClient.invalidateQueries({ queryKey: ['term-sheets', deal.id] });
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
    },
    onError: (e) => void message.error(e.message),
  });
  const accepted = sheet.acceptances.map((a) => a.side);
  const open = sheet.status === 'open';
  return (
    <Card
      size="small"
      data-testid={`term-sheet-${sheet.version}`}
      title={
        <Space>
          {t('deals.terms.version', { version: sheet.version })}
          <Tag color={STATUS_COLOURS[sheet.status]}>{t(`deals.terms.statuses.${sheet.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {open && side && !accepted.includes(side) && (
            <Button type="primary" size="small" loading={respond.isPending} onClick={() => respond.mutate('accept')}>
              {/* The proposer's own version (offered before offers carried their acceptance) is confirmed, not accepted. */}
              {side === sheet.proposedBy ? t('deals.terms.confirmOwn') : t('deals.terms.accept')}
            </Button>
          )}
          {open && side && accepted.includes(side) && <Tag color="green">{t('deals.terms.accepted')}</Tag>}
          {open && side === sheet.proposedBy && (
            <Button size="small" loading={respond.isPending} onClick={() => respond.mutate('withdraw')}>
              {t('deals.terms.withdraw')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('deals.terms.proposedBy')}>
          {t(`deals.capacities.${sheet.proposedBy}`)} · {formatDateTime(sheet.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.terms.acceptedBy')}>
          {accepted.length > 0 ? joinList(accepted.map((s) => t(`deals.capacities.${s}`))) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.terms.summary')} span={2}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{sheet.terms.summary}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <UfplTermsView price={sheet.terms.price} terms={sheet.terms.ufpl} />
    </Card>
  );
}

/** The offer form; a counter-offer starts from the newest version's terms. */
function Offer({ deal, latest, onDone }: { deal: Deal; latest: TermSheet | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TermSheetInput>();
  const [error, setError] = useState<string | null>(null);
  const offer = useMutation({
    mutationFn: async (values: TermSheetInput) => {
      const body: TermSheetInput = { ...values, ...compact({ price: values.price }) };
      if (values.ufpl) body.ufpl = compact(values.ufpl) as UfplTerms;
      if (!values.price) delete body.price;
      const sheet = await api<TermSheet>(`/deals/${deal.id}/term-sheets`, { method: 'POST', body });
      // Offering terms is agreeing to them: the other side's acceptance alone settles them.
      return api<TermSheet>(`/deals/${deal.id}/term-sheets/${sheet.id}/accept`, { method: 'POST' });
    },
    onSuccess: async () => {
      setError(null);
      void message.success(t('deals.terms.offered'));
      await queryClient.invalidateQueries({ queryKey: ['term-sheets', deal.id] });
      onDone();
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const ufpl = deal.type === 'use_first_pay_later';
  const initial: Partial<TermSheetInput> = latest?.terms ?? {
    ufpl: ufpl
      ? ({ triggerKind: 'first_revenue', paymentMode: 'entry_fee_royalty', dueDays: 30, graceDays: 30 } as UfplTerms)
      : undefined,
  };
  return (
    <Card size="small" title={latest ? t('deals.terms.counter') : t('deals.terms.offer')} data-testid="offer-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => offer.mutate(v)}>
        <Form.Item
          name="summary"
          label={t('deals.terms.summary')}
          extra={t('deals.terms.summaryHint')}
          rules={[{ required: true, min: 2, max: 5000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {!ufpl && (
          <Form.Item name="price" label={t('deals.terms.price')}>
            <MoneyInput />
          </Form.Item>
        )}
        {ufpl && (
          <>
            <Typography.Title level={5}>{t('deals.ufpl.title')}</Typography.Title>
            <UfplFields form={form} />
          </>
        )}
        <Button type="primary" htmlType="submit" loading={offer.isPending}>
          {latest ? t('deals.terms.counter') : t('deals.terms.offer')}
        </Button>
      </Form>
    </Card>
  );
}

/** The first offer's form at once; a counter-offer's form once asked for, so the versions stay in view. */
function OfferOrCounter({ deal, latest }: { deal: Deal; latest: TermSheet | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (latest && !open) {
    return (
      <Button style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
        {t('deals.terms.counter')}
      </Button>
    );
  }
  return <Offer key={latest?.id ?? 'first'} deal={deal} latest={latest} onDone={() => setOpen(false)} />;
}

/** Versioned term sheets: offers, counter-offers, acceptance by both sides. */
export function TermSheets({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const sheets = useQuery({
    queryKey: ['term-sheets', deal.id],
    queryFn: () => api<TermSheet[]>(`/deals/${deal.id}/term-sheets`),
  });
  const side: Side | null = deal.capacity === 'manager' ? null : deal.capacity;
  return (
    <QueryState query={sheets}>
      {(list) => {
        const newestFirst = [...list].sort((a, b) => b.version - a.version);
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {list.length === 0 && <Empty description={t('deals.terms.none')} />}
            {deal.status === 'negotiating' && side && <OfferOrCounter deal={deal} latest={newestFirst[0]} />}
            {newestFirst.map((sheet) => (
              <Version key={sheet.id} deal={deal} sheet={sheet} side={side} />
            ))}
          </Space>
        );
      }}
    </QueryState>
  );
}
