import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { PlatformKind, PlatformServiceView, PlatformView } from '../../api/services';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useTermName } from '../../components/taxonomy';
import { formatMoneyRange } from '../../format';

const KINDS: PlatformKind[] = ['proof_of_concept', 'pilot', 'incubator'];

/** A platform's services: field, maturity taken and reached, facilities, price, lead time, region. */
export function ServiceList({ services }: { services: PlatformServiceView[] }) {
  const { t } = useTranslation();
  const fieldName = useTermName('field');
  return (
    <List<PlatformServiceView>
      size="small"
      dataSource={services}
      renderItem={(s) => (
        <List.Item data-testid="platform-service">
          <List.Item.Meta
            title={
              <Space wrap>
                <span>{s.title}</span>
                <Tag color="geekblue">
                  TRL {s.trlFrom}–{s.trlTo}
                </Tag>
                {!s.active && <Tag>{t('services.withdrawn')}</Tag>}
              </Space>
            }
            description={
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('services.fields')}>
                  {s.fieldCodes.length === 0 ? '—' : s.fieldCodes.map(fieldName).join('、')}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.price')}>
                  {formatMoneyRange(s.priceMin, s.priceMax, t('money.negotiable'))}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.leadTime')}>
                  {t('services.days', { count: s.leadTimeDays })}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.region')}>{s.regionCode ?? '—'}</Descriptions.Item>
                {s.facilities && <Descriptions.Item label={t('services.facilities')}>{s.facilities}</Descriptions.Item>}
              </Descriptions>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The operator's queue of applications: verify or reject each. */
function Applications() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const pending = useQuery({
    queryKey: ['service-platforms', 'applications'],
    queryFn: () => api<PlatformView[]>('/service-platforms/applications'),
  });
  const decide = useMutation({
    mutationFn: ({ id, verify }: { id: string; verify: boolean }) =>
      api<PlatformView>(`/service-platforms/${id}/${verify ? 'verify' : 'reject'}`, {
        method: 'POST',
        body: verify ? {} : { reason },
      }),
    onSuccess: async () => {
      setRejecting(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['service-platforms'] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card title={t('services.applications')} data-testid="platform-applications">
      <Table<PlatformView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={pending.isPending}
        dataSource={pending.data}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('services.name'), render: (_, p) => p.name },
          { title: t('services.kind'), render: (_, p) => p.kinds.map((k) => t(`services.kinds.${k}`)).join('、') },
          { title: t('services.region'), render: (_, p) => p.regionCode ?? '—' },
          {
            title: '',
            render: (_, p) => (
              <Space>
                <Button size="small" type="primary" onClick={() => decide.mutate({ id: p.id, verify: true })}>
                  {t('services.verify')}
                </Button>
                <Button size="small" danger onClick={() => setRejecting(p.id)}>
                  {t('services.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t('services.reject')}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && decide.mutate({ id: rejecting, verify: false })}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: decide.isPending }}
      >
        <Input.TextArea
          aria-label={t('services.rejectReason')}
          placeholder={t('services.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

/** The verified service platforms and their services; companies and TTOs reach their own platform from here. */
export default function Platforms() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [kind, setKind] = useState<PlatformKind | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['service-platforms', kind, page],
    queryFn: () => api<Page<PlatformView>>('/service-platforms', { query: { kind, page, pageSize: 10 } }),
  });
  const role = me?.user.role;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {role === 'admin' && <Applications />}
      <Card
        title={t('services.platforms')}
        extra={
          (role === 'enterprise' || role === 'tto') && <Link to="/service-platforms/mine">{t('services.mine')}</Link>
        }
      >
        <Typography.Paragraph type="secondary">{t('services.platformsHint')}</Typography.Paragraph>
        <Select<PlatformKind>
          allowClear
          style={{ width: '100%', maxWidth: 240, marginBottom: 12 }}
          aria-label={t('services.kind')}
          placeholder={t('services.anyKind')}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          options={KINDS.map((k) => ({ value: k, label: t(`services.kinds.${k}`) }))}
        />
        <List<PlatformView>
          loading={list.isPending}
          dataSource={list.data?.items}
          locale={{ emptyText: list.isError ? list.error.message : t('services.none') }}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 10, onChange: setPage, simple: true }}
          renderItem={(p) => (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="service-platform"
              title={
                <Space wrap>
                  <span>{p.name}</span>
                  {p.kinds.map((k) => (
                    <Tag key={k} color="green">
                      {t(`services.kinds.${k}`)}
                    </Tag>
                  ))}
                </Space>
              }
            >
              <Typography.Text type="secondary">
                {p.organisation.name}
                {p.regionCode ? ` · ${p.regionCode}` : ''}
              </Typography.Text>
              {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
              <ServiceList services={p.services} />
            </Card>
          )}
        />
      </Card>
    </Space>
  );
}
