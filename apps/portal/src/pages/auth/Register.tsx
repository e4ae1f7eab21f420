import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { AuthResult, OrganisationKind } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { compact, showServerErrors } from '../../components/forms';
import { TaxonomySelect } from '../../components/taxonomy';
import { LanguageSwitch } from './LanguageSwitch';

interface Registration {
  email: string;
  password: string;
  name: string;
  phone?: string;
  organisation: { name: string; kind: Exclude<OrganisationKind, 'government'>; creditCode?: string; region?: string };
}

const KINDS = ['enterprise', 'university', 'research_institute'] as const;

export default function Register() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { signIn } = useAuth();
  const [form] = Form.useForm<Registration>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const submit = async (values: Registration): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...compact(values), organisation: compact(values.organisation) };
      signIn(await api<AuthResult>('/auth/register', { method: 'POST', body, anonymous: true }));
      void message.success(t('auth.registered'));
      await navigate('/', { replace: true });
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" title={t('auth.registerTitle')} extra={<LanguageSwitch />}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name={['organisation', 'name']} label={t('auth.orgName')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name={['organisation', 'kind']}
            label={t('auth.orgKind')}
            rules={[{ required: true }]}
            initialValue="enterprise"
          >
            <Select options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name={['organisation', 'creditCode']}
            label={t('auth.creditCode')}
            rules={[{ len: 18, message: '18' }]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name={['organisation', 'region']} label={t('auth.region')}>
            <TaxonomySelect kind="region" />
          </Form.Item>
          <Form.Item name="name" label={t('auth.yourName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="phone" label={t('auth.phone')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            extra={t('auth.passwordHint')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.register')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
