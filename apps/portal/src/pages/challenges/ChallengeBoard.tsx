import { useState } from 'react';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { CHALLENGE_FORMS, type Challenge } from '../../api/challenges';
import type { Page } from '../../api/types';
import { formatMoneyRange } from '../../format';
import { Deadline, PhaseTag } from './parts';

/** The public challenge board: search and filters kept in the URL, open challenges first. */
export default function ChallengeBoard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const query = {
    q: params.get('q') ?? undefined,
    form: params.get('form') ?? undefined,
    phase: params.get('phase') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 10,
  };
  const board = useQuery({
    queryKey: ['challenges', query],
    queryFn: () => api<Page<Challenge>>('/challenges', { query }),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <Card title={t('challenges.board')}>
      <Typography.Paragraph type="secondary">{t('challenges.boardIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, width: '100%' }}>
        <Input.Search
          aria-label={t('challenges.search')}
          placeholder={t('challenges.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => set('q', value.trim() || undefined)}
          style={{ maxWidth: 320 }}
          allowClear
        />
        <Select
          aria-label={t('challenges.formsLabel')}
          style={{ width: 180 }}
          value={query.form ?? ''}
          onChange={(value) => set('form', value || undefined)}
          options={[
            { value: '', label: t('challenges.anyForm') },
            ...CHALLENGE_FORMS.map((f) => ({ value: f, label: t(`challenges.forms.${f}`) })),
          ]}
        />
        <Select
          aria-label={t('challenges.anyPhase')}
          style={{ width: 160 }}
          value={query.phase ?? ''}
          onChange={(value) => set('phase', value || undefined)}
          options={[
            { value: '', label: t('challenges.anyPhase') },
            ...(['accepting', 'judging', 'decided'] as const).map((p) => ({
              value: p,
              label: t(`challenges.phases.${p}`),
            })),
          ]}
        />
      </Space>
      <List<Challenge>
        loading={board.isPending}
        dataSource={board.data?.items}
        locale={{
          emptyText: board.isError ? (
            `${t('common.error')}: ${board.error.message}`
          ) : (
            <Empty description={t('challenges.none')} />
          ),
        }}
        pagination={
          board.data && board.data.total > 10
            ? { current: query.page, total: board.data.total, pageSize: 10, onChange: (p) => set('page', String(p)) }
            : false
        }
        renderItem={(c) => (
          <List.Item className="challenge-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/challenges/${c.id}`}>{c.title}</Link>
                  <PhaseTag phase={c.phase} />
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <span>
                    {t('challenges.company')}：{c.companyName}
                    {c.sponsor && ` · ${t('challenges.sponsor')}：${c.sponsor}`}
                  </span>
                  <span>
                    {t('challenges.reward')}：{formatMoneyRange(c.rewardMin, c.rewardMax, '—')}
                  </span>
                  <span>
                    {t('challenges.deadline')}：<Deadline at={c.deadline} extended={c.extended} />
                  </span>
                  <Space wrap size={4}>
                    {c.forms.map((f) => (
                      <Tag key={f}>{t(`challenges.forms.${f}`)}</Tag>
                    ))}
                    <span>{t('challenges.proposalCount', { count: c.proposalCount })}</span>
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
