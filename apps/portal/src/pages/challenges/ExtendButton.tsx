import { useState } from 'react';
import { App, Button, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Challenge } from '../../api/challenges';
import { DateInput } from '../../components/DateInput';

/** Extends a challenge that closed with no proposal, once, to a new deadline. */
export function ExtendButton({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [deadline, setDeadline] = useState<string | undefined>(undefined);
  const extend = useMutation({
    mutationFn: () =>
      api<Challenge>(`/challenges/${challengeId}/extend`, {
        method: 'POST',
        body: { deadline: `${deadline}T23:59:59+08:00` },
      }),
    onSuccess: () => {
      void message.success(t('challenges.extendedDone'));
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['challenge', challengeId] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('challenges.extend')}</Button>
      <Modal
        open={open}
        title={t('challenges.extend')}
        onCancel={() => setOpen(false)}
        onOk={() => extend.mutate()}
        okButtonProps={{ disabled: !deadline, loading: extend.isPending }}
      >
        <Typography.Paragraph>{t('challenges.extendHint')}</Typography.Paragraph>
        <DateInput aria-label={t('challenges.newDeadline')} value={deadline} onChange={setDeadline} />
      </Modal>
    </>
  );
}
