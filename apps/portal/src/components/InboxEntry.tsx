import { Badge, List } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { InboxItem } from '../api/types';
import { formatDateTime } from '../format';

/** Marks one inbox item read; the bell's count and every inbox list refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<InboxItem>(`/inbox/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}

/**
 * One notification: unread ones carry a dot and bold title; opening it marks it read and goes
 * where it points.
 */
export function InboxEntry({ item, withBody = true }: { item: InboxItem; withBody?: boolean }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const en = i18n.language === 'en';
  const title = en ? item.title.en : item.title.zh;
  const open = async (): Promise<void> => {
    if (!item.readAt) await markRead.mutateAsync(item.id).catch(() => undefined);
    if (item.link) await navigate(item.link);
  };
  return (
    <List.Item data-testid="inbox-item" data-unread={item.readAt ? undefined : 'true'}>
      <List.Item.Meta
        avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
        title={
          <a
            href={item.link || '#'}
            onClick={(event) => {
              event.preventDefault();
              void open();
            }}
            style={{ fontWeight: item.readAt ? 'normal' : 600 }}
          >
            {title}
          </a>
        }
        description={
          withBody
            ? `${formatDateTime(item.createdAt)} · ${en ? item.body.en : item.body.zh}`
            : formatDateTime(item.createdAt)
        }
      />
    </List.Item>
  );
}
