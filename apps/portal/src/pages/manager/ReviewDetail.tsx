import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { REJECT_REASONS, type RejectReason, type ReviewItem, type Workload } from '../../api/types';
import { FeatureChart } from '../../components/FeatureChart';
import { QueryState } from '../../components/QueryState';
import { ModeTags, RecommendationStatusTag } from '../../components/tags';
import { useTermName } from '../../components/taxonomy';
import { formatDate, formatDateTime, formatMoneyRange, formatPercent, joinList } from '../../format';

/** Need and achievement side by side with the explanation; approve, or reject with a reason. */
export default function ReviewDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const [otherText, setOtherText] = useState('');
  const queryClient = useQueryClient();
  const fieldName = useTermName('field');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<RejectReason | undefined>();
  const [note, setNote] = useState('');
  const review = useQuery({ queryKey: ['review', id], queryFn: () => api<ReviewItem>(`/reviews/${id}`) });
  const decide = useMutation({
    mutationFn: (decision: { action: 'approve' } | { action: 'reject'; reason: RejectReason }) =>
      decision.action === 'approve'
        ? api<ReviewItem>(`/reviews/${id}/approve`, { method: 'POST', body: note ? { note } : {} })
        : api<ReviewItem>(`/reviews/${id}/reject`, {
            method: 'POST',
            body: {
              reason: decision.reason,
              ...(decision.reason === 'other' ? { note: otherText.trim() } : note ? { note } : {}),
            },
          }),
    onSuccess: async (item) => {
      void message.success(item.status === 'rejected' ? t('reviews.rejected') : t('reviews.approved'));
      setRejecting(false);
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
      await navigate('/reviews');
    },
    onError: (e) => void message.error(e.message),
  });
  const annotate = useMutation({
    mutationFn: (text: string) => api<ReviewItem>(`/reviews/${id}/annotations`, { method: 'POST', body: { text } }),
    onSuccess: (item) => {
      queryClient.setQueryData(['review', id], item);
      setNote('');
      void message.success(t('reviews.annotated'));
    },
    onError: (e) => void message.error(e.message),
  });
  const workload = useQuery({ queryKey: ['workload'], queryFn: () => api<Workload>('/reviews/workload') });
  const reassign = useMutation({
    mutationFn: (managerId: string) =>
      api<ReviewItem>(`/reviews/${id}/reassign`, { method: 'POST', body: { managerId } }),
    onSuccess: async (item) => {
      queryClient.setQueryData(['review', id], item);
      void message.success(t('reviews.reassigned', { name: item.reviewer?.name ?? '' }));
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
    onError: (e) => void message.error(e.message),
  });

  return (
    <QueryState query={review}>
      {(r) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('common.score')} {formatPercent(r.score)}
            </Typography.Title>
            <RecommendationStatusTag status={r.status} />
            {r.overdue && <Tag color="red">{t('reviews.overdue')}</Tag>}
            <Typography.Text type="secondary">
              {t('reviews.due')}: {formatDateTime(r.reviewDueAt)}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="review-reviewer">
              {r.status === 'pending_review'
                ? `${t('reviews.reviewer')}: ${r.reviewer?.name ?? t('reviews.unassigned')}`
                : `${t('detail.reviews.decidedBy')}: ${r.decidedBy?.name ?? (r.reviewNote === 'auto-approved' ? t('detail.reviews.automatic') : (r.reviewer?.name ?? '—'))}`}
            </Typography.Text>
            {(r.companyAnswer === 'interested' || r.institutionAnswer === 'interested') && (
              <Tag color="cyan">
                {r.companyAnswer === 'interested'
                  ? t('detail.reviews.companyAsked')
                  : t('detail.reviews.institutionAsked')}
              </Tag>
            )}
          </Space>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card title={`${t('reviews.need')} · ${r.need.title}`} data-testid="review-need">
                <Typography.Paragraph>{r.need.summary}</Typography.Paragraph>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('connections.counterpart')}>
                    {r.need.organisation?.name}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('need.fields')}>
                    {joinList((r.need.fieldCodes ?? []).map(fieldName)) || '—'}
                  </Descriptions.Item>
                  {r.need.details && (
                    <Descriptions.Item label={t('need.budget')}>
                      {formatMoneyRange(r.need.details.budgetMin, r.need.details.budgetMax, t('money.negotiable'))}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('need.modes')}>
                    <ModeTags modes={r.need.cooperationModes ?? []} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('need.deadline')}>{formatDate(r.need.deadline)}</Descriptions.Item>
                  <Descriptions.Item label={t('need.keywords')}>{joinList(r.need.keywords)}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={`${t('reviews.achievement')} · ${r.achievement.title}`} data-testid="review-achievement">
                <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }}>
                  {r.achievement.summary}
                </Typography.Paragraph>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('recs.institution')}>{r.achievement.organisation.name}</Descriptions.Item>
                  <Descriptions.Item label={t('achievement.fields')}>
                    {joinList(r.achievement.fieldCodes.map(fieldName)) || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('recs.price')}>
                    {formatMoneyRange(r.achievement.priceMin, r.achievement.priceMax, t('money.negotiable'))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('achievement.transferModes')}>
                    <ModeTags modes={r.achievement.transferModes} />
                  </Descriptions.Item>
                  <Descriptions.Item label="TRL">{r.achievement.trl ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('achievement.keywords')}>
                    {joinList(r.achievement.keywords)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('reviews.explanation')}>
                <FeatureChart features={r.features} />
              </Card>
            </Col>
          </Row>
          {r.status !== 'pending_review' && r.reviewedAt && (
            <Alert
              data-testid="review-decision"
              type={r.status === 'rejected' ? 'warning' : 'success'}
              showIcon
              title={
                r.status === 'rejected'
                  ? `${t('detail.reviews.rejectedBy', { name: r.decidedBy?.name ?? '—' })} · ${formatDateTime(r.reviewedAt)}`
                  : `${t('detail.reviews.approvedBy', { name: r.decidedBy?.name ?? t('detail.reviews.automatic') })} · ${formatDateTime(r.reviewedAt)}`
              }
              description={
                <>
                  {r.rejectReason && (
                    <div>
                      {t('common.reason')}: {t(`rejectReasons.${r.rejectReason}`)}
                    </div>
                  )}
                  {r.reviewNote && r.reviewNote !== 'auto-approved' && (
                    <div>
                      {t('common.note')}: {r.reviewNote}
                    </div>
                  )}
                </>
              }
            />
          )}
          {r.annotations.length > 0 && (
            <Card title={t('reviews.annotations')} size="small">
              <List
                dataSource={r.annotations}
                renderItem={(a) => (
                  <List.Item>
                    {a.byName ?? '—'} · {formatDateTime(a.at)}: {a.text}
                  </List.Item>
                )}
              />
            </Card>
          )}
          {r.status === 'pending_review' && (
            <Card size="small">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={2}
                  placeholder={t('common.note')}
                  value={note}
                  maxLength={2000}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Space>
                  <Button
                    type="primary"
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ action: 'approve' })}
                  >
                    {t('reviews.approve')}
                  </Button>
                  <Button danger onClick={() => setRejecting(true)}>
                    {t('reviews.reject')}
                  </Button>
                  <Button
                    disabled={note.trim() === ''}
                    loading={annotate.isPending}
                    onClick={() => annotate.mutate(note.trim())}
                  >
                    {t('reviews.annotate')}
                  </Button>
                  <Select<string>
                    aria-label={t('reviews.reassign')}
                    placeholder={t('reviews.reassign')}
                    style={{ minWidth: 220 }}
                    value={null}
                    loading={workload.isPending || reassign.isPending}
                    onChange={(managerId) => reassign.mutate(managerId)}
                    options={workload.data?.managers
                      .filter((m) => m.active && m.userId !== r.reviewer?.id)
                      .map((m) => ({
                        value: m.userId,
                        label: `${m.name} · ${t('reviews.openCount')} ${m.open}`,
                      }))}
                  />
                </Space>
              </Space>
            </Card>
          )}
          <Modal
            open={rejecting}
            title={t('reviews.rejectTitle')}
            onCancel={() => setRejecting(false)}
            okButtonProps={{
              disabled: !reason || (reason === 'other' && otherText.trim() === ''),
              danger: true,
              loading: decide.isPending,
            }}
            onOk={() => reason && decide.mutate({ action: 'reject', reason })}
          >
            <Select<RejectReason>
              style={{ width: '100%' }}
              value={reason}
              onChange={setReason}
              aria-label={t('common.reason')}
              options={REJECT_REASONS.map((x) => ({ value: x, label: t(`rejectReasons.${x}`) }))}
            />
            {reason === 'other' && (
              <Input.TextArea
                rows={3}
                style={{ marginTop: 12 }}
                maxLength={2000}
                value={otherText}
                onChange={(e) => setOtherText(e.target.value)}
                placeholder={t('detail.reviews.otherReason')}
                aria-label={t('detail.reviews.otherReason')}
              />
            )}
          </Modal>
        </Space>
      )}
    </QueryState>
  );
}
