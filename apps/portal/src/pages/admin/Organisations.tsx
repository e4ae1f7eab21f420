import { useState } from 'react';
import { App, Button, Card, Input, Modal, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Organisation, Page, VerificationStatus } from '../../api/types';
import { useTermName } from '../../components/taxonomy';
import { formatDateTime } from '../../format';
import { VerificationDetails } from './VerificationDetails';

/** The operator verifies (or rejects with a reason) organisations that signed up. */
export default function Organisations() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regionName = useTermName('region');
  const [status, setStatus] = useState<VerificationStatus>('pending');
  const [offset, setOffset] = useState(0);
  const [rejecting, setRejecting] = useState<Organisation | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['admin', 'organisations', status, offset],
    queryFn: () => api<Page<Organisation>>('/admin/organisations', { query: { status, limit: 20, offset } }),
  });
  const decide = useMutation({
    mutationFn: ({ id, action, why }: { id: string; action: 'verify' | 'reject'; why?: string }) =>
      api<Organisation>(`/admin/organisations/${id}/${action}`, {
        method: 'POST',
        body: action === 'reject' ? { reason: why } : undefined,
      }),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      setRejecting(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card
      title={t('admin.organisations')}
      extra={
        <Segmented<VerificationStatus>
          value={status}
          onChange={(s) => {
            setStatus(s);
            setOffset(0);
          }}
          options={(['pending', 'verified', 'rejected'] as const).map((s) => ({
            value: s,
            label: t(`admin.verification.${s}`),
          }))}
        />
      }
    >
      <Table<Organisation>
        rowKey="id"
        loading={list.isPending}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (o) => <VerificationDetails organisation={o} /> }}
        dataSource={list.data?.items}
        locale={{ emptyText: list.isError ? `${t('common.error')}: ${list.error.message}` : t('common.empty') }}
        pagination={{
          current: offset / 20 + 1,
          pageSize: 20,
          total: list.data?.total,
          onChange: (p) => setOffset((p - 1) * 20),
        }}
        columns={[
          { title: t('auth.orgName'), dataIndex: 'name' },
          { title: t('auth.orgKind'), render: (_, o) => <Tag>{t(`kinds.${o.kind}`)}</Tag> },
          { title: t('auth.creditCode'), dataIndex: 'creditCode' },
          { title: t('auth.region'), render: (_, o) => regionName(o.region) },
          {
            title: t('connections.contactPerson'),
            render: (_, o) => [o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(', ') || '—',
          },
          { title: t('common.createdAt'), render: (_, o) => formatDateTime(o.createdAt) },
          {
            title: t('common.actions'),
            // Kept in view when the table scrolls sideways on a narrow screen.
            fixed: 'right',
            render: (_, o) =>
              o.verificationStatus === 'pending' ? (
                <Space>
                  <Popconfirm
                    title={t('verification.confirmVerify', { name: o.name })}
                    description={t('verification.confirmVerifyHint')}
                    okText={t('admin.verify')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => decide.mutate({ id: o.id, action: 'verify' })}
                  >
                    <Button size="small" type="primary">
                      {t('admin.verify')}
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => setRejecting(o)}>
                    {t('admin.reject')}
                  </Button>
                </Space>
              ) : (
                (o.verificationReason ?? '')
              ),
          },
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t('admin.rejectReason')}
        onCancel={() => setRejecting(null)}
        okButtonProps={{ disabled: reason.trim().length < 3, danger: true }}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, action: 'reject', why: reason.trim() })}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </Modal>
    </Card>
  );
}
