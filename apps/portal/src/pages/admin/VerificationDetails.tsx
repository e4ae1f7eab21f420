import { App, Button, Descriptions, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client';
import type { Organisation } from '../../api/types';
import type { VerificationDetails as Details } from '../../api/verification';
import { formatDateTime, formatNumber } from '../../format';

/** What the operator checks before deciding: who registered, the business licence, the consents. */
export function VerificationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const details = useQuery({
    queryKey: ['admin', 'organisations', organisation.id, 'verification'],
    queryFn: () => api<Details>(`/admin/organisations/${organisation.id}/verification`),
  });
  if (details.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (details.isError) return <Typography.Text type="danger">{details.error.message}</Typography.Text>;
  const { registrant, licence, consents } = details.data;
  const contact = [organisation.contactName, organisation.contactEmail, organisation.contactPhone].filter(Boolean);
  return (
    <Descriptions size="small" column={1} bordered data-testid="verification-details">
      <Descriptions.Item label={t('verification.registrant')}>
        {registrant ? [registrant.name, registrant.email, registrant.phone].filter(Boolean).join(', ') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('connections.contactPerson')}>
        {contact.length ? contact.join(', ') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('verification.licence')}>
        {licence ? (
          <>
            {licence.fileName} ({formatNumber(Math.ceil(licence.size / 1024))} KB, {formatDateTime(licence.uploadedAt)}){' '}
            <Button
              size="small"
              onClick={() =>
                void download(`/admin/organisations/${organisation.id}/licence`, licence.fileName).catch((e: Error) =>
                  message.error(e.message),
                )
              }
            >
              {t('verification.download')}
            </Button>
          </>
        ) : (
          <Typography.Text type="warning">{t('verification.noLicence')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('verification.consents')}>
        {consents.length === 0
          ? '—'
          : consents.map((c) => (
              <div key={`${c.document}-${c.version}-${c.userName}`}>
                {t('verification.consentLine', {
                  name: c.userName,
                  at: formatDateTime(c.acceptedAt),
                  document: t(`verification.${c.document}`),
                  version: c.version,
                })}
              </div>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(organisation.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}
