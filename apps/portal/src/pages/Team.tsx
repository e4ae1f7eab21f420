import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Invitation, OrganisationKind, Role, User } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { showServerErrors } from '../components/forms';
import { formatDate } from '../format';

/**
 * Roles a member may invite colleagues into (as the API enforces): platform roles (manager, admin)
 * are granted by the operator only, so only an admin sees them offered.
 */
const MEMBER_ROLES: Record<OrganisationKind, Role[]> = {
  enterprise: ['enterprise'],
  university: ['tto'],
  research_institute: ['tto'],
  service_agency: ['manager'],
  government: ['admin', 'manager'],
};

/** Members of the organisation, and invitations of colleagues. */
export default function Team() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { organisation, user } = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ email: string; role: Role }>();
  const [error, setError] = useState<string | null>(null);
  const roles = MEMBER_ROLES[organisation.kind].filter(
    (role) => user.role === 'admin' || (role !== 'manager' && role !== 'admin'),
  );
  const members = useQuery({
    queryKey: ['members', organisation.id],
    queryFn: () => api<User[]>(`/organisations/${organisation.id}/users`),
  });
  const invitations = useQuery({
    queryKey: ['invitations', organisation.id],
    queryFn: () => api<Invitation[]>(`/organisations/${organisation.id}/invitations`),
  });
  const invite = useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      api<Invitation>(`/organisations/${organisation.id}/invitations`, { method: 'POST', body }),
    onSuccess: async () => {
      setError(null);
      form.resetFields(['email']);
      void message.success(t('team.invited'));
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
    onError: (e) => setError(showServerErrors(form, e)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/organisations/${organisation.id}/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['invitations'] }),
    onError: (e) => void message.error(e.message),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('team.invite')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form form={form} layout="inline" initialValues={{ role: roles[0] }} onFinish={(v) => invite.mutate(v)}>
          <Form.Item name="email" label={t('team.email')} rules={[{ required: true, type: 'email' }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="role" label={t('team.role')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={invite.isPending}>
            {t('team.invite')}
          </Button>
        </Form>
      </Card>
      <Card title={t('team.members')}>
        <Table<User>
          rowKey="id"
          size="small"
          loading={members.isPending}
          dataSource={members.data}
          pagination={false}
          locale={{ emptyText: members.isError ? `${t('common.error')}: ${members.error.message}` : t('common.empty') }}
          columns={[
            { title: t('team.name'), dataIndex: 'displayName' },
            { title: t('team.email'), dataIndex: 'email' },
            { title: t('team.role'), render: (_, u) => t(`roles.${u.role}`) },
            { title: t('common.createdAt'), render: (_, u) => formatDate(u.createdAt) },
          ]}
        />
      </Card>
      <Card title={t('team.invitations')}>
        <Table<Invitation>
          rowKey="id"
          size="small"
          loading={invitations.isPending}
          dataSource={invitations.data}
          pagination={false}
          locale={{
            emptyText: invitations.isError ? `${t('common.error')}: ${invitations.error.message}` : t('common.empty'),
          }}
          columns={[
            { title: t('team.email'), dataIndex: 'email' },
            { title: t('team.role'), render: (_, i) => t(`roles.${i.role}`) },
            { title: t('common.status'), render: (_, i) => <Tag>{t(`team.inviteStatus.${i.status}`)}</Tag> },
            { title: t('need.deadline'), render: (_, i) => formatDate(i.expiresAt) },
            {
              title: t('common.actions'),
              render: (_, i) =>
                (i.status === 'pending' || i.status === 'sent') && (
                  <a onClick={() => revoke.mutate(i.id)}>{t('team.revoke')}</a>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
