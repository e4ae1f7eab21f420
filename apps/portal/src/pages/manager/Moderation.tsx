import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Achievement, Need, Page } from '../../api/types';
import { ModeTags } from '../../components/tags';
import { useTermName } from '../../components/taxonomy';
import { formatDateTime, formatMoneyRange } from '../../format';

type Submitted = Need | Achievement;
type Kind = 'needs' | 'achievements';

/** Ready-made reasons for sending a submission back; `other` asks for the moderator's own words. */
const PRESETS = ['incomplete', 'not_technology', 'duplicate', 'contact_in_text', 'other'] as const;
type Preset = (typeof PRESETS)[number];

const isNeed = (row: Submitted): row is Need => 'confidentiality' in row;

/** What a moderator judges a submission by, below its row: all of its text and terms. */
function SubmissionDetails({ row }: { row: Submitted }) {
  const { t } = useTranslation();
  const fieldName = useTermName('field');
  const fields = row.fieldCodes.map((code) => <Tag key={code}>{fieldName(code)}</Tag>);
  if (isNeed(row)) {
    const d = row.details;
    return (
      <Descriptions size="small" column={1} bordered data-testid="moderation-details">
        <Descriptions.Item label={t('need.summary')}>{row.summary || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.description')}>{d?.description || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.problem')}>{d?.problem || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.indicators')}>{d?.indicators || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.existingConditions')}>{d?.existingConditions || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.fields')}>{fields.length > 0 ? fields : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('need.modes')}>
          <ModeTags modes={row.cooperationModes} />
        </Descriptions.Item>
        <Descriptions.Item label={t('need.confidentiality')}>
          {t(`confidentiality.${row.confidentiality}`)}
        </Descriptions.Item>
      </Descriptions>
    );
  }
  return (
    <Descriptions size="small" column={1} bordered data-testid="moderation-details">
      <Descriptions.Item label={t('achievement.summary')}>{row.summary || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('achievement.applicationScenarios')}>
        {row.applicationScenarios || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('achievement.advantages')}>{row.advantages || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('achievement.fields')}>{fields.length > 0 ? fields : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('achievement.transferModes')}>
        <ModeTags modes={row.transferModes} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.team')}>
        {row.researchers.map((r) => r.name).join(' / ') || t('detail.noTeam')}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.patents')}>{row.patentNumbers.join(' / ') || '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** One moderation queue (needs or achievements): publish with an optional note, or send back with a reason. */
function Queue({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Submitted | null>(null);
  const [preset, setPreset] = useState<Preset | undefined>();
  const [reason, setReason] = useState('');
  const [approving, setApproving] = useState<Submitted | null>(null);
  const [approveNote, setApproveNote] = useState('');
  const queue = useQuery({
    queryKey: ['moderation', kind, page],
    queryFn: () => api<Page<Submitted>>(`/moderation/${kind}`, { query: { page, pageSize: 20 } }),
  });
  const decide = useMutation({
    mutationFn: ({ id, action, why }: { id: string; action: 'approve' | 'reject'; why?: string }) =>
      api(`/${kind}/${id}/${action}`, { method: 'POST', body: why ? { reason: why } : {} }),
    onSuccess: async (_, { action }) => {
      void message.success(action === 'approve' ? t('moderation.approved') : t('reviews.rejected'));
      setRejecting(null);
      setApproving(null);
      setApproveNote('');
      setPreset(undefined);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['moderation', kind] });
    },
    onError: (e) => void message.error(e.message),
  });
  // The reason the submitter reads: the preset in the moderator's words, and what they added.
  const written = reason.trim();
  const why =
    preset === undefined
      ? ''
      : preset === 'other'
        ? written
        : [t(`detail.moderation.presets.${preset}`), written].filter(Boolean).join(' — ');

  return (
    <>
      <Table<Submitted>
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data?.items}
        locale={{ emptyText: queue.isError ? `${t('common.error')}: ${queue.error.message}` : t('reviews.none') }}
        pagination={{ current: page, total: queue.data?.total, pageSize: 20, onChange: setPage }}
        expandable={{ expandedRowRender: (row) => <SubmissionDetails row={row} /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('common.title'),
            render: (_, row) => (
              <Link to={`/${kind}/${row.id}`} target="_blank">
                {row.title}
              </Link>
            ),
          },
          {
            title: t('detail.moderation.organisation'),
            render: (_, row) => row.organisation?.name ?? '—',
          },
          {
            title: kind === 'needs' ? t('detail.moderation.budget') : t('detail.moderation.price'),
            render: (_, row) =>
              isNeed(row)
                ? formatMoneyRange(row.details?.budgetMin, row.details?.budgetMax, t('money.negotiable'))
                : formatMoneyRange(row.priceMin, row.priceMax, t('money.negotiable')),
          },
          { title: t('common.submittedAt'), render: (_, row) => formatDateTime(row.submittedAt) },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => decide.mutate({ id: row.id, action: 'approve' })}
                  loading={decide.isPending && decide.variables.id === row.id}
                >
                  {t('moderation.approve')}
                </Button>
                <Button size="small" onClick={() => setApproving(row)}>
                  {t('detail.moderation.approveWithNote')}
                </Button>
                <Button size="small" onClick={() => setRejecting(row)}>
                  {t('moderation.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={approving !== null}
        title={`${t('detail.moderation.approveTitle')} · ${approving?.title ?? ''}`}
        onCancel={() => setApproving(null)}
        okButtonProps={{ disabled: approveNote.trim() === '', loading: decide.isPending }}
        onOk={() => approving && decide.mutate({ id: approving.id, action: 'approve', why: approveNote.trim() })}
      >
        <Input.TextArea
          rows={3}
          value={approveNote}
          onChange={(e) => setApproveNote(e.target.value)}
          maxLength={2000}
          aria-label={t('detail.moderation.approveNote')}
          placeholder={t('detail.moderation.approveNote')}
        />
      </Modal>
      <Modal
        open={rejecting !== null}
        title={`${t('moderation.rejectReason')} · ${rejecting?.title ?? ''}`}
        onCancel={() => setRejecting(null)}
        okButtonProps={{ disabled: why === '', loading: decide.isPending }}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, action: 'reject', why })}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={preset}
            onChange={(e) => setPreset(e.target.value as Preset)}
            options={PRESETS.map((p) => ({ value: p, label: t(`detail.moderation.presets.${p}`) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
          {preset !== undefined && (
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={1800}
              aria-label={t('detail.moderation.otherReason')}
              placeholder={t('detail.moderation.otherReason')}
            />
          )}
          {why && <Typography.Text type="secondary">{why}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}

export default function Moderation() {
  const { t } = useTranslation();
  return (
    <Card title={t('moderation.title')}>
      <Tabs
        items={[
          { key: 'needs', label: t('moderation.needs'), children: <Queue kind="needs" /> },
          { key: 'achievements', label: t('moderation.achievements'), children: <Queue kind="achievements" /> },
        ]}
      />
    </Card>
  );
}
