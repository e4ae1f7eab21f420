import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import {
  DEAL_TYPES,
  LICENCE_SCOPES,
  type Deal,
  type DealSummary,
  type OpenDeal as OpenDealInput,
} from '../../api/deals';
import type { Page } from '../../api/types';
import { showServerErrors } from '../../components/forms';

/**
 * On a connection: the way into its deal room, or, while there is none, a form to open one
 * (either side may). A company applies for a use-first-pay-later licence this way.
 */
export function OpenDeal({ connectionId, defaultTitle }: { connectionId: string; defaultTitle: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Omit<OpenDealInput, 'connectionId'>>();
  const type = Form.useWatch('type', form);
  const existing = useQuery({
    queryKey: ['deals', 'connection', connectionId],
    queryFn: () => api<Page<DealSummary>>('/deals', { query: { connectionId } }),
  });
  const create = useMutation({
    mutationFn: (values: Omit<OpenDealInput, 'connectionId'>) =>
      api<Deal>('/deals', { method: 'POST', body: { ...values, connectionId } }),
    onSuccess: (deal) => {
      void message.success(t('deals.opened'));
      void navigate(`/deals/${deal.id}`);
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });

  const deal = existing.data?.items[0];
  if (existing.isPending) return null;
  if (deal) {
    return (
      <Link to={`/deals/${deal.id}`}>
        <Button type="primary">{t('deals.goToRoom')}</Button>
      </Link>
    );
  }
  const licence = type === 'licence' || type === 'use_first_pay_later';
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('deals.open')}
      </Button>
      <Modal
        open={open}
        title={t('deals.openTitle')}
        okText={t('deals.open')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('deals.openHint')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ type: 'use_first_pay_later', title: defaultTitle, licenceScope: 'non_exclusive' }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item name="type" label={t('deals.type')} rules={[{ required: true }]}>
            <Select options={DEAL_TYPES.map((value) => ({ value, label: t(`deals.types.${value}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('deals.name')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input />
          </Form.Item>
          {licence && (
            <Form.Item name="licenceScope" label={t('deals.scope')} rules={[{ required: true }]}>
              <Select options={LICENCE_SCOPES.map((value) => ({ value, label: t(`deals.scopes.${value}`) }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
