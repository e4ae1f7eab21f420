import { useState } from 'react';
import { App, Button, Card, Col, Input, List, Row, Space, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client';
import type { Deal, DealAttachment, DealMessage } from '../../api/deals';
import { formatDateTime, formatNumber } from '../../format';

/** The deal room's message thread and its attachments, shared by the parties and the manager. */
export function RoomThread({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const messages = useQuery({
    queryKey: ['deal-messages', deal.id],
    queryFn: () => api<DealMessage[]>(`/deals/${deal.id}/messages`),
  });
  const attachments = useQuery({
    queryKey: ['deal-attachments', deal.id],
    queryFn: () => api<DealAttachment[]>(`/deals/${deal.id}/attachments`),
  });
  const post = useMutation({
    mutationFn: (body: string) => api<DealMessage>(`/deals/${deal.id}/messages`, { method: 'POST', body: { body } }),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: ['deal-messages', deal.id] });
    },
    // What was typed stays in the box when the server refuses it.
    onError: (e) => void message.error(e.message),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<DealAttachment>(`/deals/${deal.id}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: async () => {
      void message.success(t('deals.messages.uploaded'));
      await queryClient.invalidateQueries({ queryKey: ['deal-attachments', deal.id] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card size="small" title={t('deals.messages.title')}>
          <List<DealMessage>
            loading={messages.isPending}
            dataSource={messages.data}
            locale={{ emptyText: messages.isError ? messages.error.message : t('deals.messages.none') }}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space>
                      <Typography.Text strong>{m.authorName}</Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
                    </Space>
                  }
                  description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Text>}
                />
              </List.Item>
            )}
          />
          <Space.Compact style={{ width: '100%', marginTop: 12 }}>
            <Input.TextArea
              aria-label={t('deals.messages.placeholder')}
              placeholder={t('deals.messages.placeholder')}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={10_000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button
              type="primary"
              loading={post.isPending}
              disabled={text.trim() === ''}
              onClick={() => post.mutate(text)}
            >
              {t('deals.messages.send')}
            </Button>
          </Space.Compact>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card
          size="small"
          title={t('deals.messages.attachments')}
          extra={
            <Upload
              showUploadList={false}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button size="small" loading={upload.isPending}>
                {t('deals.messages.upload')}
              </Button>
            </Upload>
          }
        >
          <Typography.Paragraph type="secondary">{t('deals.messages.uploadHint')}</Typography.Paragraph>
          <List<DealAttachment>
            size="small"
            loading={attachments.isPending}
            dataSource={attachments.data}
            locale={{ emptyText: t('deals.messages.noAttachments') }}
            renderItem={(a) => (
              <List.Item>
                <a
                  onClick={() =>
                    void download(`/deals/${deal.id}/attachments/${a.id}`, a.fileName).catch((e: Error) =>
                      message.error(e.message),
                    )
                  }
                >
                  {a.fileName}
                </a>
                <Typography.Text type="secondary">{formatNumber(Math.ceil(a.size / 1024))} KB</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
