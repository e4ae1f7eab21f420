import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { AuthResult } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { showServerErrors } from '../../components/forms';
import { LanguageSwitch } from './LanguageSwitch';
import { ResendConfirmation } from './ResendConfirmation';

interface Credentials {
  email: string;
  password: string;
}

export function Login() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the right password was given for an address not yet confirmed. */
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;

  const submit = async (values: Credentials): Promise<void> => {
    setBusy(true);
    setError(null);
    setUnconfirmed(null);
    try {
      signIn(await api<AuthResult>('/auth/login', { method: 'POST', body: values, anonymous: true }));
      await navigate(from, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.body.error === 'email_unconfirmed') setUnconfirmed(values.email);
      else setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" title={t('auth.signInTitle')} extra={<LanguageSwitch />}>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {unconfirmed && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('auth.unconfirmed')}
            description={<ResendConfirmation email={unconfirmed} />}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
