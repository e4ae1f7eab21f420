import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { PlatformKind, PlatformServiceView, PlatformView } from '../../api/services';
import { MoneyInput } from '../../components/MoneyInput';
import { TaxonomySelect } from '../../components/taxonomy';
import { compact, showServerErrors } from '../../components/forms';
import { ServiceList } from './Platforms';

const KINDS: PlatformKind[] = ['proof_of_concept', 'pilot', 'incubator'];
const TRL_OPTIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ${n}` }));

interface ApplyValues {
  name: string;
  kinds: PlatformKind[];
  description?: string;
  regionCode?: string;
}

function ApplyForm({ onDone }: { onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplyValues>();
  const [error, setError] = useState<string | null>(null);
  const apply = useMutation({
    mutationFn: (values: ApplyValues) =>
      api<PlatformView>('/service-platforms', { method: 'POST', body: compact(values) }),
    onSuccess: onDone,
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Card title={t('services.apply')}>
      <Typography.Paragraph type="secondary">{t('services.applyHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(values) => apply.mutate(values)} style={{ maxWidth: 640 }}>
        <Form.Item name="name" label={t('services.name')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kinds" label={t('services.kind')} rules={[{ required: true }]}>
          <Select mode="multiple" options={KINDS.map((k) => ({ value: k, label: t(`services.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('services.region')} rules={[{ pattern: /^\d{2,6}$/ }]}>
          <Input inputMode="numeric" placeholder="500112" />
        </Form.Item>
        <Form.Item name="description" label={t('services.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={apply.isPending}>
          {t('services.apply')}
        </Button>
      </Form>
    </Card>
  );
}

type ServiceValues = Omit<PlatformServiceView, 'id' | 'platformId' | 'active' | 'regionCode'> & { regionCode?: string };

function ServiceForm({ onDone }: { onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceValues>();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (values: ServiceValues) =>
      api<PlatformServiceView>('/service-platforms/mine/services', { method: 'POST', body: compact(values) }),
    onSuccess: async () => {
      form.resetFields();
      setError(null);
      void message.success(t('services.serviceAdded'));
      await onDone();
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  return (
    <Card title={t('services.addService')} size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)} style={{ maxWidth: 640 }}>
        <Form.Item name="title" label={t('services.serviceTitle')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="fieldCodes" label={t('services.fields')}>
          <TaxonomySelect kind="field" mode="multiple" aria-label={t('services.fields')} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="trlFrom" label={t('services.trlFrom')} rules={[{ required: true }]}>
            <Select options={TRL_OPTIONS} style={{ width: 140 }} aria-label={t('services.trlFrom')} />
          </Form.Item>
          <Form.Item name="trlTo" label={t('services.trlTo')} rules={[{ required: true }]}>
            <Select options={TRL_OPTIONS} style={{ width: 140 }} aria-label={t('services.trlTo')} />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t('services.leadTimeDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="priceMin" label={t('services.priceMin')}>
            <MoneyInput style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="priceMax" label={t('services.priceMax')}>
            <MoneyInput style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="facilities" label={t('services.facilities')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('services.region')} rules={[{ pattern: /^\d{2,6}$/ }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('services.addService')}
        </Button>
      </Form>
    </Card>
  );
}

/** The caller's organisation's platform: the application, its standing, and its services once verified. */
export default function MyPlatform() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['service-platforms', 'mine'],
    queryFn: async () => {
      try {
        return await api<PlatformView>('/service-platforms/mine');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['service-platforms'] });
  if (mine.isPending) return <Card loading />;
  if (mine.isError) return <Alert type="error" title={mine.error.message} />;
  const platform = mine.data;
  if (!platform || platform.status === 'rejected') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {platform && <Alert type="error" title={`${t('services.statusReason')}: ${platform.statusReason ?? ''}`} />}
        <ApplyForm onDone={refresh} />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{platform.name}</span>
            <Tag color={platform.status === 'verified' ? 'green' : 'gold'} data-testid="platform-status">
              {t(`services.status.${platform.status!}`)}
            </Tag>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          {platform.kinds.map((k) => (
            <Tag key={k}>{t(`services.kinds.${k}`)}</Tag>
          ))}
        </Space>
        {platform.status !== 'verified' && <Alert type="info" title={t('services.notVerified')} />}
        <Typography.Title level={5}>{t('services.services')}</Typography.Title>
        <ServiceList services={platform.services} />
      </Card>
      {platform.status === 'verified' && <ServiceForm onDone={refresh} />}
    </Space>
  );
}
