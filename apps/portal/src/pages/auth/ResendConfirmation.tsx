import { useState } from 'react';
import { App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../components/forms';

/**
 * Asks for a new confirmation link for an address. The platform answers the same for any
 * address, so the page only says that an e-mail is on its way if the address awaits confirmation.
 */
export function ResendConfirmation({ email }: { email?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string }>();
  const [busy, setBusy] = useState(false);

  const resend = async ({ email: address }: { email: string }): Promise<void> => {
    setBusy(true);
    try {
      await api('/auth/confirm/resend', { method: 'POST', body: { email: address }, anonymous: true });
      void message.success(t('auth.resent', { email: address }));
    } catch (e) {
      void message.error(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ email }} onFinish={(v) => void resend(v)}>
      <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={busy}>
          {t('auth.resend')}
        </Button>
      </Space>
    </Form>
  );
}
