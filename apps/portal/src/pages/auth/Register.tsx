import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Result, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { OrganisationKind } from '../../api/types';
import { compact, showServerErrors } from '../../components/forms';
import { LegalTextLink, useLegalTexts } from '../../components/LegalTexts';
import { TaxonomySelect } from '../../components/taxonomy';
import { LanguageSwitch } from './LanguageSwitch';
import { ResendConfirmation } from './ResendConfirmation';

interface Registration {
  email: string;
  password: string;
  name: string;
  phone?: string;
  organisation: { name: string; kind: Exclude<OrganisationKind, 'government'>; creditCode?: string; region?: string };
  consent?: boolean;
}

const KINDS = ['enterprise', 'university', 'research_institute'] as const;

export default function Register() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Registration>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The address a confirmation link was sent to, once the registration is accepted. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const legal = useLegalTexts();

  const submit = async (values: Registration): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { consent: _consent, ...fields } = values;
      const version = (document: 'terms' | 'privacy') => legal.data?.find((d) => d.document === document)?.version;
      const body = {
        ...compact(fields),
        // The registrant is the organisation's contact until it names another.
        organisation: compact({
          ...fields.organisation,
          contactName: fields.name,
          contactEmail: fields.email,
          contactPhone: fields.phone,
        }),
        consent: { termsVersion: version('terms'), privacyVersion: version('privacy') },
      };
      // The answer is the same whether or not the address already has an account: the e-mail tells.
      await api('/auth/register', { method: 'POST', body, anonymous: true });
      setSentTo(fields.email);
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div className="auth-page">
        <Card className="auth-card" title={t('auth.registerTitle')} extra={<LanguageSwitch />}>
          <Result
            status="success"
            title={t('auth.checkEmail')}
            subTitle={t('auth.checkEmailDetail', { email: sentTo })}
            style={{ padding: '16px 0' }}
          />
          <Typography.Paragraph type="secondary">{t('auth.noEmail')}</Typography.Paragraph>
          <ResendConfirmation email={sentTo} />
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Link to="/login">{t('auth.signIn')}</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    );
  }

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
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, checked: boolean | undefined) =>
                  checked ? Promise.resolve() : Promise.reject(new Error(t('verification.consentRequired'))),
              },
            ]}
          >
            <Checkbox disabled={!legal.data}>
              {t('verification.consentPrefix')}
              <LegalTextLink document="terms" />
              {t('verification.and')}
              <LegalTextLink document="privacy" />
            </Checkbox>
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
