import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { AuthResult } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { ResendConfirmation } from './ResendConfirmation';

type Outcome = 'working' | 'expired' | 'invalid' | 'failed';

/** The page the confirmation e-mail links to: confirms the address once, signs in and opens the home page. */
export default function ConfirmEmail() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<Outcome>(token ? 'working' : 'invalid');
  const [detail, setDetail] = useState<string | null>(null);
  // The link is single-use: React's development double effect must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api<AuthResult>('/auth/confirm', { method: 'POST', body: { token }, anonymous: true })
      .then(async (result) => {
        signIn(result);
        await navigate('/', { replace: true });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 410) setOutcome('expired');
        else if (e instanceof ApiError && (e.status === 422 || e.status === 400)) setOutcome('invalid');
        else {
          setOutcome('failed');
          setDetail(e instanceof Error ? e.message : String(e));
        }
      });
  }, [token, signIn, navigate]);

  return (
    <div className="auth-page">
      <Card className="auth-card" title={t('auth.confirmTitle')} extra={<LanguageSwitch />}>
        {outcome === 'working' ? (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
            <Typography.Paragraph style={{ marginTop: 16 }}>{t('auth.confirming')}</Typography.Paragraph>
          </div>
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={
                outcome === 'expired' ? t('auth.linkExpired') : outcome === 'invalid' ? t('auth.linkInvalid') : detail
              }
            />
            <Typography.Paragraph>{t('auth.askNewLink')}</Typography.Paragraph>
            <ResendConfirmation />
            <Typography.Paragraph style={{ marginTop: 16 }}>
              {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  );
}
