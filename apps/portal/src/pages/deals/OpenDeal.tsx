import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import {
  DEAL_TYPES,
  LICENCE_SCOPES,
  type Company,
  type Deal,
  type DealSummary,
  type OpenDeal as OpenDealInput,
} from '../../api/deals';
import type { Achievement, Page } from '../../api/types';
import { showServerErrors } from '../../components/forms';

type Values = Omit<OpenDealInput, 'connectionId'>;

/** A select that asks the api for its options as the user types. */
function RemoteSelect<T>({
  queryKey,
  search,
  option,
  onPick,
  onChange,
  ...props
}: {
  queryKey: string;
  /** Asks the api for the items matching what the user typed. */
  search: (q: string) => Promise<T[]>;
  option: (item: T) => { value: string; label: string };
  /** Told the whole item the user picked. */
  onPick?: (item: T) => void;
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: [queryKey, q],
    queryFn: () => search(q),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      notFoundContent={found.isError ? found.error.message : undefined}
      options={found.data?.map(option)}
      onChange={(value: string) => {
        onChange?.(value);
        const item = found.data?.find((candidate) => option(candidate).value === value);
        if (item) onPick?.(item);
      }}
    />
  );
}

/**
 * The form that opens a deal room: from a connection (either side; a company applies for a
 * use-first-pay-later licence this way), or, for a TTO, directly with a company for one of its
 * own achievements (e.g. equity in a spin-off, or a rights grant).
 */
function OpenDealModal({
  connectionId,
  defaultTitle,
  onClose,
}: {
  connectionId?: string;
  defaultTitle?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const create = useMutation({
    mutationFn: (values: Values) => api<Deal>('/deals', { method: 'POST', body: { ...values, connectionId } }),
    onSuccess: (deal) => {
      void message.success(t('deals.opened'));
      void navigate(`/deals/${deal.id}`);
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const licence = type === 'licence' || type === 'use_first_pay_later';
  return (
    <Modal
      open
      title={t('deals.openTitle')}
      okText={t('deals.open')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t(connectionId ? 'deals.openHint' : 'deals.directHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          type: connectionId ? 'use_first_pay_later' : 'rights_for_equity',
          title: defaultTitle,
          licenceScope: 'non_exclusive',
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item name="type" label={t('deals.type')} rules={[{ required: true }]}>
          <Select options={DEAL_TYPES.map((value) => ({ value, label: t(`deals.types.${value}`) }))} />
        </Form.Item>
        {!connectionId && (
          <>
            <Form.Item name="achievementId" label={t('deals.achievement')} rules={[{ required: true }]}>
              <RemoteSelect<Achievement>
                queryKey="own-achievements"
                placeholder={t('deals.pickAchievement')}
                search={async (q) =>
                  (await api<Page<Achievement>>('/achievements', { query: { q, pageSize: 20 } })).items
                }
                option={(a) => ({ value: a.id, label: a.title })}
                onPick={(a) => {
                  if (!form.getFieldValue('title')) form.setFieldValue('title', a.title);
                }}
              />
            </Form.Item>
            <Form.Item name="companyOrgId" label={t('deals.company')} rules={[{ required: true }]}>
              <RemoteSelect<Company>
                queryKey="deal-companies"
                placeholder={t('deals.pickCompany')}
                search={(q) => api<Company[]>('/deals/companies', { query: { q } })}
                option={(c) => ({ value: c.id, label: c.name })}
              />
            </Form.Item>
          </>
        )}
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
  );
}

/** A button that opens the deal form; without a connection, for a TTO's direct deal. */
export function OpenDealButton(props: { connectionId?: string; defaultTitle?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('deals.open')}
      </Button>
      {open && <OpenDealModal {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** On a connection: the way into its deal room, or, while there is none, the button that opens one. */
export function OpenDeal({ connectionId, defaultTitle }: { connectionId: string; defaultTitle: string }) {
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: ['deals', 'connection', connectionId],
    queryFn: () => api<Page<DealSummary>>('/deals', { query: { connectionId } }),
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
  return <OpenDealButton connectionId={connectionId} defaultTitle={defaultTitle} />;
}
