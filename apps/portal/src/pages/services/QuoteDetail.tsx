import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Quote, QuoteAction } from '../../api/services';
import { MoneyInput } from '../../components/MoneyInput';
import { showServerErrors } from '../../components/forms';
import { formatDateTime, formatMoney } from '../../format';
import { QuoteStatusTag } from './QuoteTag';

interface StepValues {
  price?: string;
  leadTimeDays?: number;
  trlReached?: number;
  note?: string;
}

/** The form of one step: the fields it needs (a price and lead time, the maturity reached, a reason). */
function StepForm({ quote, action, onDone }: { quote: Quote; action: QuoteAction; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (values: StepValues) =>
      api<Quote>(`/service-quotes/${quote.id}/transitions`, { method: 'POST', body: { action, ...values } }),
    onSuccess: onDone,
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(values) => step.mutate(values)} data-testid={`step-${action}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {action === 'quote' && (
        <Space wrap>
          <Form.Item name="price" label={t('services.quotes.price')} rules={[{ required: true }]}>
            <MoneyInput aria-label={t('services.quotes.price')} />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t('services.quotes.leadTimeDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} precision={0} aria-label={t('services.quotes.leadTimeDays')} />
          </Form.Item>
        </Space>
      )}
      {action === 'complete' && (
        <Form.Item name="trlReached" label={t('services.quotes.trlReached')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} precision={0} aria-label={t('services.quotes.trlReached')} />
        </Form.Item>
      )}
      {(action === 'complete' || action === 'decline') && (
        <Form.Item
          name="note"
          label={action === 'complete' ? t('services.quotes.report') : t('services.quotes.declineReason')}
          rules={[{ required: true, min: 2, max: 4000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      )}
      <Button type="primary" danger={action === 'decline'} htmlType="submit" loading={step.isPending}>
        {t(`services.quotes.actions.${action}`)}
      </Button>
    </Form>
  );
}

function Messages({ quote, onPosted }: { quote: Quote; onPosted: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: (body: string) =>
      api<Quote>(`/service-quotes/${quote.id}/messages`, { method: 'POST', body: { body } }),
    onSuccess: async () => {
      setText('');
      await onPosted();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card size="small" title={t('services.quotes.messages')}>
      <List
        dataSource={quote.messages ?? []}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{m.author.name}</Typography.Text>
                  <Typography.Text type="secondary">{m.author.organisation}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
                </Space>
              }
              description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      {quote.status !== 'declined' && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea
            aria-label={t('services.quotes.messagePlaceholder')}
            placeholder={t('services.quotes.messagePlaceholder')}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button
            type="primary"
            disabled={text.trim() === ''}
            loading={post.isPending}
            onClick={() => post.mutate(text)}
          >
            {t('services.quotes.sendMessage')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

/** One quote as each party sees it: the request, the answer, the steps it may take, and the messages. */
export default function QuoteDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<QuoteAction | null>(null);
  const quote = useQuery({ queryKey: ['service-quote', id], queryFn: () => api<Quote>(`/service-quotes/${id}`) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['service-quote', id] });
  const confirm = useMutation({
    mutationFn: () => api<Quote>(`/service-quotes/${id}/confirm-maturity`, { method: 'POST', body: {} }),
    onSuccess: async (q) => {
      void message.success(t('services.quotes.confirmed', { trl: q.achievement.trl }));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  if (quote.isPending) return <Card loading />;
  if (quote.isError) return <Alert type="error" title={quote.error.message} />;
  const q = quote.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{q.service.title}</span>
            <QuoteStatusTag status={q.status} />
          </Space>
        }
        extra={t(`services.quotes.capacity.${q.capacity}`)}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('services.quotes.platform')}>{q.platform.name}</Descriptions.Item>
          <Descriptions.Item label={t('services.quotes.requester')}>{q.requester.name}</Descriptions.Item>
          <Descriptions.Item label={t('services.quotes.achievement')}>
            <Link to={`/achievements/${q.achievement.id}`}>{q.achievement.title}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.quotes.trl')}>
            <span data-testid="quote-trl">
              {t('services.quotes.trlPath', { from: q.trlBefore ?? '—', to: q.targetTrl })}
              {' · '}TRL {q.achievement.trl ?? '—'}
            </span>
          </Descriptions.Item>
          {q.price !== null && (
            <Descriptions.Item label={t('services.quotes.price')}>{formatMoney(q.price)}</Descriptions.Item>
          )}
          {q.leadTimeDays !== null && (
            <Descriptions.Item label={t('services.quotes.leadTimeDays')}>
              {t('services.days', { count: q.leadTimeDays })}
            </Descriptions.Item>
          )}
          {q.trlReached !== null && (
            <Descriptions.Item label={t('services.quotes.trlReached')}>TRL {q.trlReached}</Descriptions.Item>
          )}
          {q.report && <Descriptions.Item label={t('services.quotes.report')}>{q.report}</Descriptions.Item>}
          {q.declineReason && (
            <Descriptions.Item label={t('services.quotes.declineReason')}>{q.declineReason}</Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {q.actions.map((action) =>
            action === 'accept' ? (
              <StepButton key={action} quote={q} onDone={refresh} />
            ) : (
              <Button
                key={action}
                danger={action === 'decline'}
                onClick={() => setOpen(open === action ? null : action)}
              >
                {t(`services.quotes.actions.${action}`)}
              </Button>
            ),
          )}
          {q.canConfirmMaturity && (
            <Popconfirm
              title={t('services.quotes.confirmHint', { trl: q.trlReached })}
              onConfirm={() => confirm.mutate()}
              okText={t('common.confirm')}
            >
              <Button type="primary" loading={confirm.isPending}>
                {t('services.quotes.confirm')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        {open && q.actions.includes(open) && (
          <div style={{ marginTop: 16, maxWidth: 560 }}>
            <StepForm
              quote={q}
              action={open}
              onDone={() => {
                setOpen(null);
                void message.success(t('services.quotes.done'));
                void refresh();
              }}
            />
          </div>
        )}
      </Card>
      <Messages quote={q} onPosted={refresh} />
    </Space>
  );
}

/** Accepting needs nothing but a click. */
function StepButton({ quote, onDone }: { quote: Quote; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useMutation({
    mutationFn: () =>
      api<Quote>(`/service-quotes/${quote.id}/transitions`, { method: 'POST', body: { action: 'accept' } }),
    onSuccess: onDone,
    onError: (e) => void message.error(e.message),
  });
  return (
    <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
      {t('services.quotes.actions.accept')}
    </Button>
  );
}
