import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import {
  DECLINE_REASONS,
  type Challenge,
  type DeclineReason,
  type Proposal,
  type ProposalsOfChallenge,
} from '../../api/challenges';
import { useAuth } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';
import { useTermName } from '../../components/taxonomy';
import { formatMoney } from '../../format';
import { Deadline, PhaseTag, ProposalStatusTag } from './parts';

/** Declining: a reason from the fixed list and a note, both told to the team. */
function DeclineButton({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: DeclineReason; note: string }>();
  const decline = useMutation({
    mutationFn: (values: { reason: DeclineReason; note: string }) =>
      api<Proposal>(`/proposals/${proposal.id}/decline`, { method: 'POST', body: values }),
    onSuccess: () => {
      void message.success(t('challenges.declined'));
      setOpen(false);
      onDone();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('challenges.decline')}
      </Button>
      <Modal
        open={open}
        title={t('challenges.declineTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: decline.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="decline" onFinish={(values) => decline.mutate(values)}>
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
            <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`challenges.reasons.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('common.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One proposal as a judge reads it: the latest version, scores per criterion and the decisions. */
function ProposalCard({
  challenge,
  proposal,
  company,
}: {
  challenge: Challenge;
  proposal: Proposal;
  company: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { me } = useAuth();
  const stage = useTermName('maturity_stage');
  const latest = proposal.versions[0];
  const judging = challenge.phase === 'judging';
  const live = proposal.status === 'submitted' || proposal.status === 'shortlisted';
  const mine = Object.fromEntries(
    proposal.scores.filter((s) => s.scoredBy === me?.user.id).map((s) => [s.criterion, s.score]),
  );
  const [scores, setScores] = useState<Record<string, number | null>>(mine);
  const refresh = () => void client.invalidateQueries({ queryKey: ['challenge', challenge.id] });
  const act = useMutation({
    mutationFn: (step: 'scores' | 'shortlist' | 'award') =>
      step === 'scores'
        ? api(`/proposals/${proposal.id}/scores`, {
            method: 'PUT',
            body: {
              scores: Object.entries(scores)
                .filter(([, score]) => score !== null && score !== undefined)
                .map(([criterion, score]) => ({ criterion, score })),
            },
          })
        : step === 'shortlist'
          ? api(`/proposals/${proposal.id}/shortlist`, { method: 'POST' })
          : api(`/challenges/${challenge.id}/award`, { method: 'POST', body: { proposalId: proposal.id } }),
    onSuccess: (_, step) => {
      if (step === 'scores') void message.success(t('challenges.scoresSaved'));
      if (step === 'award') void message.success(t('challenges.awarded'));
      refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card
      size="small"
      className="judged-proposal"
      data-organisation={proposal.organisationName}
      title={
        <Space wrap>
          {proposal.organisationName}
          <ProposalStatusTag status={proposal.status} />
          <Tag>{t('challenges.version', { version: proposal.currentVersion })}</Tag>
          {proposal.weightedScore !== null && (
            <Tag color="purple">
              {t('challenges.weighted')} {proposal.weightedScore}
            </Tag>
          )}
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('challenges.achievement')}>{proposal.achievementTitle}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.team')}>
          {latest.researchers.map((r) => r.name).join('，')}
        </Descriptions.Item>
        <Descriptions.Item label={t('challenges.price')}>{formatMoney(latest.price)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.form')}>{t(`challenges.forms.${latest.form}`)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.maturity')}>{stage(latest.maturity)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.approach')}>{latest.approach}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.milestones')}>
          {latest.milestones.map((m) => `${m.title}（${m.dueOn}，${formatMoney(m.amount)}）`).join('；')}
        </Descriptions.Item>
        {proposal.declineReason && (
          <Descriptions.Item label={t('common.reason')}>
            {t(`challenges.reasons.${proposal.declineReason}`)}：{proposal.declineNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      {judging && live && (
        <>
          <Typography.Text strong>{t('challenges.scores')}</Typography.Text>
          <Space wrap style={{ display: 'flex', margin: '8px 0' }}>
            {challenge.criteria.map((c) => (
              <Space key={c.name} size={4}>
                <span>
                  {c.name}（{c.weight}%）
                </span>
                <InputNumber
                  aria-label={`${c.name} ${t('challenges.scores')}`}
                  min={0}
                  max={10}
                  precision={0}
                  value={scores[c.name] ?? null}
                  onChange={(value) => setScores({ ...scores, [c.name]: value })}
                  style={{ width: 72 }}
                />
              </Space>
            ))}
          </Space>
          <Space wrap>
            <Button onClick={() => act.mutate('scores')} loading={act.isPending && act.variables === 'scores'}>
              {t('challenges.saveScores')}
            </Button>
            {proposal.status === 'submitted' && (
              <Button onClick={() => act.mutate('shortlist')}>{t('challenges.shortlist')}</Button>
            )}
            {company && <DeclineButton proposal={proposal} onDone={refresh} />}
            {company && (
              <Popconfirm title={t('challenges.awardConfirm')} onConfirm={() => act.mutate('award')}>
                <Button type="primary">{t('challenges.award')}</Button>
              </Popconfirm>
            )}
          </Space>
        </>
      )}
      {proposal.dealId && (
        <Link to={`/deals/${proposal.dealId}`}>
          <Button type="primary">{t('challenges.dealRoom')}</Button>
        </Link>
      )}
    </Card>
  );
}

/** Closing with no winner: a note told to every team still in the running. */
function NoAwardButton({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const close = useMutation({
    mutationFn: () => api(`/challenges/${challengeId}/no-award`, { method: 'POST', body: { note } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['challenge', challengeId] }),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Popconfirm
      title={t('challenges.noAward')}
      description={
        <Input.TextArea
          aria-label={t('challenges.noAwardNote')}
          placeholder={t('challenges.noAwardNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      }
      onConfirm={() => close.mutate()}
    >
      <Button danger>{t('challenges.noAward')}</Button>
    </Popconfirm>
  );
}

/** The company's (and its managers') judging page. */
export default function Judging() {
  const { id } = useParams();
  const { t } = useTranslation();
  const challenge = useQuery({ queryKey: ['challenge', id], queryFn: () => api<Challenge>(`/challenges/${id}`) });
  const proposals = useQuery({
    queryKey: ['challenge', id, 'proposals'],
    queryFn: () => api<ProposalsOfChallenge>(`/challenges/${id}/proposals`),
  });
  return (
    <QueryState query={challenge}>
      {(c) => (
        <Card
          title={
            <Space wrap>
              <span>{t('challenges.judgingTitle')}</span>
              <Link to={`/challenges/${c.id}`}>{c.title}</Link>
              <PhaseTag phase={c.phase} />
            </Space>
          }
        >
          <Typography.Paragraph>
            {t('challenges.deadline')}：<Deadline at={c.deadline} extended={c.extended} />
          </Typography.Paragraph>
          {c.phase === 'accepting' && (
            <Alert type="info" showIcon title={t('challenges.notYet')} style={{ marginBottom: 16 }} />
          )}
          <QueryState query={proposals}>
            {(p) =>
              p.items.length === 0 ? (
                <Empty />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {p.items.map((proposal) => (
                    <ProposalCard
                      key={proposal.id}
                      challenge={c}
                      proposal={proposal}
                      company={p.capacity === 'company'}
                    />
                  ))}
                  {p.capacity === 'company' && c.phase === 'judging' && <NoAwardButton challengeId={c.id} />}
                </Space>
              )
            }
          </QueryState>
        </Card>
      )}
    </QueryState>
  );
}
