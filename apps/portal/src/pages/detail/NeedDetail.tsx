import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, client } from '../../api/client';
import type { Need } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';
import { ListingStatusTag, ModeTags } from '../../components/tags';
import { useTermName } from '../../components/taxonomy';
import { formatDate, formatMoneyRange } from '../../format';
import { InterestPanel } from './InterestPanel';
import { ModerationDecision } from './ModerationDecision';

function Section({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
    </div>
  );
}

/**
 * A need's own page. Its owner sees all of it, the moderator's decision, and edits it (a
 * submitted or published need is withdrawn to draft first); others see what the company made
 * public, and a TTO can say it is interested.
 */
export default function NeedDetail() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user, organisation } = useMe();
  const fieldName = useTermName('field');
  const stageName = useTermName('maturity_stage');
  const regionName = useTermName('region');
  const need = useQuery({
    queryKey: ['need', id],
    queryFn: (): Promise<Need> => answer(client.GET('/api/needs/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const withdraw = useMutation({
    mutationFn: () => answer(client.POST('/api/needs/{id}/withdraw', { params: { path: { id: id ?? '' } } })),
    onSuccess: () => void navigate(`/needs/${id}/edit`),
    onError: (e) => void message.error(e.message),
  });

  const edit = (n: Need) => {
    if (n.status === 'draft') {
      void navigate(`/needs/${n.id}/edit`);
      return;
    }
    modal.confirm({
      title: t('detail.editConfirmTitle'),
      content: t('detail.editConfirm'),
      okText: t('detail.withdrawAndEdit'),
      cancelText: t('common.cancel'),
      onOk: () => withdraw.mutateAsync(),
    });
  };

  return (
    <QueryState query={need}>
      {(n) => {
        const own = n.orgId === organisation.id && user.role === 'enterprise';
        const editable = own && ['draft', 'submitted', 'published'].includes(n.status);
        return (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card
                data-testid="need-detail"
                title={
                  <Space wrap>
                    <span>{n.title}</span>
                    {own && <ListingStatusTag status={n.status} />}
                  </Space>
                }
                extra={
                  editable ? (
                    <Button onClick={() => edit(n)} loading={withdraw.isPending} data-testid="need-edit">
                      {t('common.edit')}
                    </Button>
                  ) : null
                }
              >
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  {own && <ModerationDecision listing={n} />}
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.summary}</Typography.Paragraph>
                  {!n.details && <Alert type="info" showIcon title={t('detail.confidential')} />}
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                    {n.organisation && (
                      <Descriptions.Item label={t('detail.company')}>{n.organisation.name}</Descriptions.Item>
                    )}
                    <Descriptions.Item label={t('need.fields')}>
                      {n.fieldCodes.length > 0 ? n.fieldCodes.map((c) => <Tag key={c}>{fieldName(c)}</Tag>) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('need.modes')}>
                      {n.cooperationModes.length > 0 ? <ModeTags modes={n.cooperationModes} /> : '—'}
                    </Descriptions.Item>
                    {n.details && (
                      <Descriptions.Item label={t('detail.moderation.budget')}>
                        {formatMoneyRange(n.details.budgetMin, n.details.budgetMax, t('money.negotiable'))}
                      </Descriptions.Item>
                    )}
                    <Descriptions.Item label={t('need.desiredStage')}>{stageName(n.desiredStage)}</Descriptions.Item>
                    <Descriptions.Item label={t('need.minTrl')}>{n.minTrl ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('need.region')}>{regionName(n.regionCode)}</Descriptions.Item>
                    <Descriptions.Item label={t('need.deadline')}>{formatDate(n.deadline)}</Descriptions.Item>
                    {own && (
                      <Descriptions.Item label={t('need.confidentiality')}>
                        {t(`confidentiality.${n.confidentiality}`)}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                  {n.details && (
                    <>
                      <Section title={t('need.description')} text={n.details.description} />
                      <Section title={t('need.problem')} text={n.details.problem} />
                      <Section title={t('need.indicators')} text={n.details.indicators} />
                      <Section title={t('need.existingConditions')} text={n.details.existingConditions} />
                    </>
                  )}
                  {n.keywords.length > 0 && (
                    <Space wrap size={4}>
                      {n.keywords.map((k) => (
                        <Tag key={k} color="blue">
                          {k}
                        </Tag>
                      ))}
                    </Space>
                  )}
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {own && (n.status === 'published' || n.status === 'matched') && (
                  <Link to={`/needs/${n.id}/recommendations`}>
                    <Button type="primary" block>
                      {t('detail.openRecommendations')}
                    </Button>
                  </Link>
                )}
                {user.role === 'tto' && n.status === 'published' && <InterestPanel kind="need" id={n.id} />}
              </Space>
            </Col>
          </Row>
        );
      }}
    </QueryState>
  );
}
