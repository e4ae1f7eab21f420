import { useState } from 'react';
import { Modal, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { LegalDocumentKind, LegalText } from '../api/verification';

/** The current user agreement and privacy notice; reference data for the session. */
export function useLegalTexts() {
  return useQuery({
    queryKey: ['legal', 'documents'],
    queryFn: () => api<LegalText[]>('/legal/documents', { anonymous: true }),
    staleTime: 60 * 60_000,
  });
}

/** A link that opens one legal text, in the reader's language, with its version. */
export function LegalTextLink({ document }: { document: LegalDocumentKind }) {
  const { t, i18n } = useTranslation();
  const texts = useLegalTexts();
  const [open, setOpen] = useState(false);
  const text = texts.data?.find((d) => d.document === document);
  const en = i18n.language === 'en';
  const title = text ? (en ? text.title.en : text.title.zh) : t(`verification.${document}`);
  return (
    <>
      <a
        href="#"
        onClick={(event) => {
          // Reading the text does not tick the consent box it sits in.
          event.preventDefault();
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {en ? title : `《${title}》`}
      </a>
      <Modal open={open} title={title} footer={null} onCancel={() => setOpen(false)} width={640}>
        {text && (
          <>
            <Typography.Text type="secondary">{t('verification.version', { version: text.version })}</Typography.Text>
            {(en ? text.body.en : text.body.zh).map((paragraph) => (
              <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
            ))}
          </>
        )}
      </Modal>
    </>
  );
}
