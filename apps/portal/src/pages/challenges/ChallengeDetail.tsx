import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Grid,
  List,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Challenge, Proposal, ProposalsOfChallenge } from '../../api/challenges';
import { useAuth } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';
import { useTermName } from '../../components/taxonomy';
import { formatMoney, formatMoneyRange } from '../../format';
import { Deadline, PhaseTag, ProposalStatusTag } from './parts';
import { ProposalForm } from './ProposalForm';
import { ExtendButton } from './ExtendButton';

/** One of the caller's own proposals: its latest version, revise and withdraw until the deadline. */
function OwnProposal({ challenge, proposal }: { challenge: Challenge; proposal: Proposal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [revising, setRevising] = useState(false);
  const stage = useTermName('maturity_stage');
  const latest = proposal.versions[0];
  const open = challenge.phase === 'accepting' && proposal.status === 'submitted';
  const withdraw = useMutation({
    mutationFn: () => api<Proposal>(`/proposals/${proposal.id}/withdraw`, { method: 'POST' }),
    onSuccess: () => {
      void message.success(t('challenges.withdrawn'));
      void client.invalidateQueries({ queryKey: ['challenge', challenge.id] });
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card
      size="small"
      className="own-proposal"
      title={
        <Space wrap>
          {proposal.achievementTitle}
          <ProposalStatusTag status={proposal.status} />
          <Tag>{t('challenges.version', { version: proposal.currentVersion })}</Tag>
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('challenges.team')}>
          {latest.researchers.map((r) => r.name).join('，')}
        </Descriptions.Item>
        <Descriptions.Item label={t('challenges.price')}>{formatMoney(latest.price)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.form')}>{t(`challenges.forms.${latest.form}`)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.maturity')}>{stage(latest.maturity)}</Descriptions.Item>
        <Descriptions.Item label={t('challenges.approach')}>{latest.approach}</Descriptions.Item>
        {proposal.declineReason && (
          <Descriptions.Item label={t('common.reason')}>
            {t(`challenges.reasons.${proposal.declineReason}`)}：{proposal.declineNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {open && <Button onClick={() => setRevising(true)}>{t('challenges.revise')}</Button>}
        {open && (
          <Popconfirm title={t('challenges.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
            <Button danger loading={withdraw.isPending}>
              {t('challenges.withdraw')}
            </Button>
          </Popconfirm>
        )}
        {proposal.dealId && (
          <Link to={`/deals/${proposal.dealId}`}>
            <Button type="primary">{t('challenges.dealRoom')}</Button>
          </Link>
        )}
      </Space>
      <Drawer
        open={revising}
        onClose={() => setRevising(false)}
        title={t('challenges.revise')}
        size="large"
        destroyOnHidden
      >
        <ProposalForm challenge={challenge} proposal={proposal} onDone={() => setRevising(false)} />
      </Drawer>
    </Card>
  );
}

/** A challenge's page: what it asks, how it is judged, and for each role what it may do. */
export default function ChallengeDetail() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useAuth();
  const screens = Grid.useBreakpoint();
  const fieldName = useTermName('field');
  const [proposing, setProposing] = useState(false);
  const challenge = useQuery({
    queryKey: ['challenge', id],
    queryFn: () => api<Challenge>(`/challenges/${id}`),
  });
  const mine = useQuery({
    queryKey: ['challenge', id, 'proposals'],
    queryFn: () => api<ProposalsOfChallenge>(`/challenges/${id}/proposals`),
  });
  const role = me?.user.role;
  return (
    <QueryState query={challenge}>
      {(c) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={
              <Space wrap>
                <span className="wrap-title">{c.title}</span>
                <PhaseTag phase={c.phase} />
              </Space>
            }
          >
            <Descriptions column={screens.md ? 2 : 1} size="small">
              <Descriptions.Item label={t('challenges.company')}>{c.companyName}</Descriptions.Item>
              {c.sponsor && <Descriptions.Item label={t('challenges.sponsor')}>{c.sponsor}</Descriptions.Item>}
              <Descriptions.Item label={t('challenges.reward')}>
                {formatMoneyRange(c.rewardMin, c.rewardMax, '—')}
              </Descriptions.Item>
              <Descriptions.Item label={t('challenges.deadline')}>
                <Deadline at={c.deadline} extended={c.extended} />
              </Descriptions.Item>
              <Descriptions.Item label={t('challenges.formsLabel')}>
                {c.forms.map((f) => t(`challenges.forms.${f}`)).join('，')}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>{t(`challenges.statuses.${c.status}`)}</Descriptions.Item>
              {c.fieldCodes.length > 0 && (
                <Descriptions.Item label={t('need.fields')}>{c.fieldCodes.map(fieldName).join('，')}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('challenges.proposalCount', { count: c.proposalCount })}>
                {c.proposalCount}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('challenges.description')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
            <Typography.Title level={5}>{t('challenges.criteria')}</Typography.Title>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={c.criteria}
              columns={[
                { title: t('challenges.criterionName'), dataIndex: 'name' },
                { title: t('challenges.weight'), dataIndex: 'weight', width: 110 },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('challenges.milestones')}
            </Typography.Title>
            <List
              size="small"
              dataSource={c.milestones}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta title={m.title} description={`${t('challenges.deliverable')}：${m.deliverable}`} />
                </List.Item>
              )}
            />
            <Space wrap style={{ marginTop: 12 }}>
              {role === 'tto' && c.phase === 'accepting' && (
                <Button type="primary" onClick={() => setProposing(true)}>
                  {t('challenges.propose')}
                </Button>
              )}
              {(mine.data?.capacity === 'company' || mine.data?.capacity === 'manager') && (
                <Link to={`/challenges/${c.id}/judging`}>
                  <Button type="primary">{t('challenges.openJudging')}</Button>
                </Link>
              )}
              {mine.data?.capacity === 'company' && c.phase === 'judging' && c.proposalCount === 0 && !c.extended && (
                <ExtendButton challengeId={c.id} />
              )}
            </Space>
            {role === 'tto' && c.phase !== 'accepting' && (
              <Typography.Paragraph type="secondary">{t('challenges.closed')}</Typography.Paragraph>
            )}
          </Card>
          {role === 'tto' && (
            <Card title={t('challenges.myProposals')}>
              {mine.data && mine.data.items.length > 0 ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {mine.data.items.map((p) => (
                    <OwnProposal key={p.id} challenge={c} proposal={p} />
                  ))}
                </Space>
              ) : (
                <Empty />
              )}
            </Card>
          )}
          <Drawer
            open={proposing}
            onClose={() => setProposing(false)}
            title={t('challenges.proposeTitle')}
            size="large"
            destroyOnHidden
          >
            <ProposalForm challenge={c} onDone={() => setProposing(false)} />
          </Drawer>
        </Space>
      )}
    </QueryState>
  );
}
