import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LICENCE_ACCEPT, MAX_LICENCE_BYTES, type LicenceInfo } from '../api/verification';
import { formatDateTime } from '../format';

/** Uploads the organisation's business licence; the api checks its content and size again. */
export function uploadLicence(orgId: string, file: File): Promise<LicenceInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<LicenceInfo>(`/organisations/${orgId}/licence`, { method: 'POST', body: form });
}

/** Whether the file may be sent: the message to show when not. */
export function licenceProblem(file: File, t: (key: string) => string): string | null {
  if (file.size > MAX_LICENCE_BYTES) return t('verification.tooLarge');
  if (!/\.(pdf|png|jpe?g)$/i.test(file.name)) return t('verification.wrongType');
  return null;
}

/** A file picker that keeps the chosen file (nothing is sent until the form is). */
export function LicencePicker({ value, onChange }: { value?: File | null; onChange?: (file: File | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={LICENCE_ACCEPT}
      maxCount={1}
      fileList={value ? [{ uid: 'licence', name: value.name, status: 'done' }] : []}
      beforeUpload={(file) => {
        const problem = licenceProblem(file, t);
        if (problem) void message.error(problem);
        else onChange?.(file);
        return false;
      }}
      onRemove={() => onChange?.(null)}
    >
      <Button>{t('verification.chooseLicence')}</Button>
    </Upload>
  );
}

/** For an organisation waiting for verification: the licence on file, and a way to (re)upload it. */
export function LicenceCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const onFile = useQuery({
    queryKey: ['organisation', orgId, 'licence'],
    queryFn: () => api<{ licence: LicenceInfo | null }>(`/organisations/${orgId}/licence`),
  });
  const send = useMutation({
    mutationFn: (chosen: File) => uploadLicence(orgId, chosen),
    onSuccess: async () => {
      setFile(null);
      void message.success(t('verification.uploaded'));
      await queryClient.invalidateQueries({ queryKey: ['organisation', orgId, 'licence'] });
    },
    onError: (e) => void message.error(e.message),
  });
  const licence = onFile.data?.licence;
  return (
    <Card size="small" title={t('verification.licence')} data-testid="licence-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {licence ? (
          <Typography.Text>
            {t('verification.onFile', { name: licence.fileName, at: formatDateTime(licence.uploadedAt) })}
          </Typography.Text>
        ) : (
          <Alert type="info" showIcon title={t('verification.licenceNeeded')} />
        )}
        <Space wrap>
          <LicencePicker value={file} onChange={setFile} />
          <Button type="primary" disabled={!file} loading={send.isPending} onClick={() => file && send.mutate(file)}>
            {t('verification.upload')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
