import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { AuthResult } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { compact, showServerErrors } from '../../components/forms';
import { LanguageSwitch } from './LanguageSwitch';

interface Acceptance {
  name: string;
  password: string;
  phone?: string;
}

/** The page an invitation e-mail links to: choose a name and password, then you are in. */
export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [form] = Form.useForm<Acceptance>();
  const [error, setError] = useState<string | null>(token ? null : t('auth.missingToken'));
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const submit = async (values: Acceptance): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...compact(values), token };
      signIn(await api<AuthResult>('/invitations/accept', { method: 'POST', body, anonymous: true }));
      await navigate('/', { replace: true });
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" title={t('auth.acceptTitle')} extra={<LanguageSwitch />}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!token}>
          <Form.Item name="name" label={t('auth.yourName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('auth.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.accept')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
