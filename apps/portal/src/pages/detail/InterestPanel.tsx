import { useState } from 'react';
import { Alert, App, Button, Card, List, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Achievement, InterestState, Need, Page } from '../../api/types';
import { RecommendationStatusTag } from '../../components/tags';

interface Props {
  /** What the page shows: a company is interested in an achievement, a TTO in a need. */
  kind: 'achievement' | 'need';
  id: string;
}

/**
 * "Interested" on a detail page: the caller names which of its own published listings the other
 * would serve; the platform puts the pair before a technology manager (or, when it already
 * reached both sides, counts it as the caller's answer). Lists where the caller's pairs stand.
 */
export function InterestPanel({ kind, id }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | undefined>();
  const ownKind = kind === 'achievement' ? 'needs' : 'achievements';
  const pairs = useQuery({
    queryKey: ['interest', kind, id],
    queryFn: () => api<InterestState[]>(`/${kind}s/${id}/interest`),
  });
  const own = useQuery({
    queryKey: [ownKind, 'mine', 'published'],
    queryFn: () => api<Page<Need | Achievement>>(`/${ownKind}`, { query: { status: 'published', pageSize: 100 } }),
    enabled: open,
  });
  const express = useMutation({
    mutationFn: (ownId: string) =>
      api<InterestState>(`/${kind}s/${id}/interest`, {
        method: 'POST',
        body: kind === 'achievement' ? { needId: ownId } : { achievementId: ownId },
      }),
    onSuccess: async (state) => {
      void message.success(state.connectionId ? t('recStatus.connected') : t('detail.interestSent'));
      setOpen(false);
      setChosen(undefined);
      await queryClient.invalidateQueries({ queryKey: ['interest', kind, id] });
    },
    onError: (e) => void message.error(e.message),
  });
  const side = kind === 'achievement' ? 'company' : 'institution';

  return (
    <Card size="small" title={t('detail.pairs')} data-testid="interest-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('detail.contactRule')}</Typography.Text>
        {(pairs.data ?? []).length > 0 && (
          <List<InterestState>
            size="small"
            dataSource={pairs.data}
            renderItem={(pair) => {
              const mine = side === 'company' ? pair.companyAnswer : pair.institutionAnswer;
              const theirs = side === 'company' ? pair.institutionAnswer : pair.companyAnswer;
              return (
                <List.Item data-testid="interest-pair">
                  <Space wrap size={6}>
                    <Typography.Text>{kind === 'achievement' ? pair.needTitle : pair.achievementTitle}</Typography.Text>
                    <RecommendationStatusTag status={pair.status} />
                    {mine === 'interested' && (
                      <Typography.Text type="secondary">{t('detail.youAsked')}</Typography.Text>
                    )}
                    {theirs === 'interested' && (
                      <Typography.Text type="secondary">{t('detail.theyAsked')}</Typography.Text>
                    )}
                    {pair.connectionId && (
                      <Link to={`/connections/${pair.connectionId}`}>{t('detail.openConnection')}</Link>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
        <Button type="primary" onClick={() => setOpen(true)} data-testid="interest-button">
          {t('detail.interested')}
        </Button>
      </Space>
      <Modal
        open={open}
        title={t('detail.interested')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !chosen, loading: express.isPending }}
        onOk={() => chosen && express.mutate(chosen)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('detail.interestHint')}</Typography.Paragraph>
          {own.data && own.data.items.length === 0 ? (
            <Alert
              type="info"
              showIcon
              title={kind === 'achievement' ? t('detail.noOwnNeed') : t('detail.noOwnAchievement')}
              action={kind === 'achievement' ? <Link to="/needs/new">{t('nav.newNeed')}</Link> : undefined}
            />
          ) : (
            <Select<string>
              style={{ width: '100%' }}
              loading={own.isPending}
              value={chosen}
              onChange={setChosen}
              aria-label={kind === 'achievement' ? t('detail.interestForNeed') : t('detail.interestForAchievement')}
              placeholder={kind === 'achievement' ? t('detail.interestForNeed') : t('detail.interestForAchievement')}
              options={own.data?.items.map((item) => ({ value: item.id, label: item.title }))}
            />
          )}
        </Space>
      </Modal>
    </Card>
  );
}
