import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { PlatformView, Quote } from '../../api/services';
import type { Achievement, Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { showServerErrors } from '../../components/forms';

interface Values {
  serviceId: string;
  achievementId: string;
  targetTrl: number;
  message: string;
}

/**
 * Asks a platform's service for a quote on an achievement: reached from a recommendation's maturity
 * gap (service, achievement, recommendation and target filled in), or by a TTO for one of its own.
 */
export default function QuoteRequest() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const recommendationId = params.get('recommendationId') ?? undefined;
  const platforms = useQuery({
    queryKey: ['service-platforms', 'all'],
    queryFn: () => api<Page<PlatformView>>('/service-platforms', { query: { pageSize: 100 } }),
  });
  const own = useQuery({
    queryKey: ['achievements', 'own-for-quotes'],
    queryFn: () => api<Page<Achievement>>('/achievements', { query: { pageSize: 100 } }),
    enabled: me?.user.role === 'tto',
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      api<Quote>('/service-quotes', { method: 'POST', body: { ...values, recommendationId } }),
    onSuccess: (quote) => void navigate(`/service-quotes/${quote.id}`),
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const services = (platforms.data?.items ?? []).flatMap((p) =>
    p.services.map((s) => ({ value: s.id, label: `${p.name} · ${s.title} (TRL ${s.trlFrom}–${s.trlTo})` })),
  );
  const fromLink = params.get('achievementId');
  const achievements = (own.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.title} (TRL ${a.trl ?? '—'})` }));
  return (
    <Card title={t('services.quotes.new')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{
          serviceId: params.get('serviceId') ?? undefined,
          achievementId: fromLink ?? undefined,
          targetTrl: params.get('targetTrl') ? Number(params.get('targetTrl')) : undefined,
        }}
        onFinish={(values) => send.mutate(values)}
      >
        <Form.Item name="serviceId" label={t('services.quotes.service')} rules={[{ required: true }]}>
          <Select options={services} loading={platforms.isPending} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {fromLink ? (
          <Form.Item name="achievementId" hidden>
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name="achievementId" label={t('services.quotes.pickAchievement')} rules={[{ required: true }]}>
            <Select options={achievements} loading={own.isPending} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item name="targetTrl" label={t('services.quotes.targetTrl')} rules={[{ required: true }]}>
          <Select
            aria-label={t('services.quotes.targetTrl')}
            options={[2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ${n}` }))}
          />
        </Form.Item>
        <Form.Item name="message" label={t('services.quotes.message')} rules={[{ required: true, min: 2, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('services.quotes.send')}
        </Button>
      </Form>
    </Card>
  );
}
