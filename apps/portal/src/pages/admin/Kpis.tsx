import type { ReactNode } from 'react';
import { Card, Col, Empty, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { DealType, KpiMeasure, Kpis as KpisView } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoney, formatNumber, formatRate } from '../../format';

type Granularity = 'year' | 'quarter' | 'month';
type Stage = Exclude<keyof KpisView['funnel'], 'direct'>;
type PatentRow = KpisView['patentsTransferred'][number];

const STAGES: Stage[] = ['needs', 'recommendations', 'approved', 'interested', 'connected', 'signed'];
const DEAL_TYPES: DealType[] = [
  'transfer',
  'licence',
  'use_first_pay_later',
  'rights_for_equity',
  'rights_grant',
  'joint_development',
];

/** The current year in China time, as the api takes it when no period is given. */
function thisYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** The current quarter (1–4) and month (1–12) in China time. */
function nowParts(): { quarter: number; month: number } {
  const month = new Date(Date.now() + 8 * 3_600_000).getUTCMonth() + 1;
  return { quarter: Math.ceil(month / 3), month };
}

/** The part a granularity opens on: the current quarter or month in the current year, else the first. */
function openingPart(granularity: Granularity, year: number): number {
  if (year !== thisYear()) return 1;
  const now = nowParts();
  return granularity === 'quarter' ? now.quarter : granularity === 'month' ? now.month : 1;
}

/** `2026`, `2026-Q3` or `2026-07` into its parts; the current year when the text is none of these. */
function parse(text: string | null): { granularity: Granularity; year: number; part: number } {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text ?? '');
  if (!match) return { granularity: 'year', year: thisYear(), part: 1 };
  const year = Number(match[1]);
  if (match[2]) return { granularity: 'quarter', year, part: Number(match[2]) };
  if (match[3]) return { granularity: 'month', year, part: Number(match[3]) };
  return { granularity: 'year', year, part: 1 };
}

function format(granularity: Granularity, year: number, part: number): string {
  if (granularity === 'quarter') return `${year}-Q${part}`;
  if (granularity === 'month') return `${year}-${String(part).padStart(2, '0')}`;
  return String(year);
}

/** Progress towards a target, capped at the full bar; green once met. */
function toTarget(measure: KpiMeasure): { percent: number; status: 'success' | 'normal' } {
  return { percent: Math.min(100, Number(measure.progressPercent)), status: measure.met ? 'success' : 'normal' };
}

/** The bar's words: how far to the target, or that it is met (never "333%" of a target). */
function progressText(measure: KpiMeasure, met: string): string {
  return measure.met ? met : formatRate(measure.progressPercent);
}

function Figure({
  testId,
  title,
  value,
  measure,
  target,
  extra,
}: {
  testId: string;
  title: string;
  value: string;
  measure: KpiMeasure;
  target: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { percent, status } = toTarget(measure);
  return (
    <Col xs={24} md={12} xl={6}>
      <Card data-testid={`kpi-${testId}`} style={{ height: '100%' }}>
        <Statistic
          title={
            <Space size={4}>
              {title}
              {measure.met && <Tag color="green">{t('kpis.met')}</Tag>}
            </Space>
          }
          value={value}
        />
        <Progress percent={percent} status={status} format={() => progressText(measure, t('kpis.met'))} />
        <Typography.Text type="secondary">{t('kpis.target', { target })}</Typography.Text>
        {extra && (
          <div>
            <Typography.Text type="secondary">{extra}</Typography.Text>
          </div>
        )}
      </Card>
    </Col>
  );
}

/** The funnel from published needs to signed deals, each stage as a bar against the widest. */
function Funnel({ funnel }: { funnel: KpisView['funnel'] }) {
  const { t } = useTranslation();
  const widest = Math.max(...STAGES.map((s) => funnel[s]));
  const direct = (
    <Typography.Text type="secondary" data-testid="funnel-direct">
      {t('kpis.direct', { count: funnel.direct })}
    </Typography.Text>
  );
  if (widest === 0)
    return (
      <Empty
        description={
          <>
            {t('common.empty')} · {direct}
          </>
        }
      />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('kpis.funnelHelp')}</Typography.Text>
      {STAGES.map((stage) => (
        <Row key={stage} gutter={12} align="middle" data-testid={`funnel-${stage}`}>
          <Col flex="120px" title={t(`kpis.stageHelp.${stage}`)}>
            {t(`kpis.stages.${stage}`)}
          </Col>
          <Col flex="auto">
            <Progress percent={(funnel[stage] / widest) * 100} status="normal" showInfo={false} />
          </Col>
          <Col flex="80px" style={{ textAlign: 'right' }}>
            <Typography.Text strong data-testid="funnel-count">
              {formatNumber(funnel[stage])}
            </Typography.Text>
          </Col>
        </Row>
      ))}
      {direct}
    </Space>
  );
}

/** The operator's dashboard: the platform's figures for a year, quarter or month against the 2027 targets. */
export default function Kpis() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { granularity, year, part } = parse(params.get('period'));
  const period = format(granularity, year, part);

  const choose = (next: Granularity, nextYear: number, nextPart: number) => {
    const copy = new URLSearchParams(params);
    copy.set('period', format(next, nextYear, nextPart));
    setParams(copy);
  };

  const kpis = useQuery({
    queryKey: ['admin', 'kpis', period],
    queryFn: () => api<KpisView>('/insights/kpis', { query: { period } }),
    placeholderData: keepPreviousData,
  });

  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  if (!years.includes(year)) years.push(year);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3}>{t('kpis.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('kpis.intro')}</Typography.Text>
      </div>
      <Space wrap aria-label={t('kpis.period')}>
        <Segmented<Granularity>
          value={granularity}
          onChange={(v) => choose(v, year, openingPart(v, year))}
          options={(['year', 'quarter', 'month'] as const).map((v) => ({ value: v, label: t(`kpis.${v}`) }))}
        />
        <Select<number>
          aria-label={t('kpis.year')}
          value={year}
          onChange={(v) => choose(granularity, v, granularity === 'year' ? 1 : part)}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {granularity === 'quarter' && (
          <Select<number>
            aria-label={t('kpis.quarter')}
            value={part}
            onChange={(v) => choose(granularity, year, v)}
            style={{ width: 90 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
          />
        )}
        {granularity === 'month' && (
          <Select<number>
            aria-label={t('kpis.month')}
            value={part}
            onChange={(v) => choose(granularity, year, v)}
            style={{ width: 90 }}
            options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1).padStart(2, '0') }))}
          />
        )}
        {kpis.data && (
          <Typography.Text type="secondary" data-testid="kpi-period">
            {t('kpis.range', { from: formatDate(kpis.data.period.from), to: formatDate(kpis.data.period.to) })}
          </Typography.Text>
        )}
      </Space>
      <QueryState query={kpis}>
        {(k) => (
          <Space
            orientation="vertical"
            size="large"
            style={{ width: '100%', opacity: kpis.isPlaceholderData ? 0.6 : 1 }}
          >
            <Row gutter={[16, 16]}>
              <Figure
                testId="turnover"
                title={t('kpis.turnover')}
                value={formatMoney(k.turnover.value)}
                measure={k.turnover}
                target={formatMoney(k.turnover.target)}
              />
              <Figure
                testId="local"
                title={t('kpis.localConversion')}
                value={k.localConversion.signed === 0 ? '—' : formatRate(k.localConversion.value)}
                measure={k.localConversion}
                target={`≥ ${formatRate(k.localConversion.target)}`}
                extra={t('kpis.localDetail', {
                  local: formatNumber(k.localConversion.local),
                  signed: formatNumber(k.localConversion.signed),
                })}
              />
              <Figure
                testId="companies"
                title={t('kpis.companiesFounded')}
                value={formatNumber(Number(k.companiesFounded.value))}
                measure={k.companiesFounded}
                target={formatNumber(Number(k.companiesFounded.target))}
              />
              <Figure
                testId="managers"
                title={t('kpis.activeManagers')}
                value={formatNumber(Number(k.activeManagers.value))}
                measure={k.activeManagers}
                target={formatNumber(Number(k.activeManagers.target))}
              />
              <Figure
                testId="service-carriers"
                title={t('kpis.serviceCarriers')}
                value={formatNumber(Number(k.serviceCarriers.value))}
                measure={k.serviceCarriers}
                target={formatNumber(Number(k.serviceCarriers.target))}
                extra={t('kpis.serviceCarriersDetail', {
                  platforms: formatNumber(k.serviceCarriers.platforms),
                  agencies: formatNumber(k.serviceCarriers.agencies),
                  steps: formatNumber(k.serviceCarriers.completedSteps),
                })}
              />
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card title={t('kpis.funnel')} data-testid="kpi-funnel" style={{ height: '100%' }}>
                  <Funnel funnel={k.funnel} />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('kpis.dealsByType')} style={{ height: '100%' }}>
                  <Table<{ type: DealType; count: number }>
                    size="small"
                    rowKey="type"
                    pagination={false}
                    dataSource={DEAL_TYPES.map((type) => ({ type, count: k.dealsByType[type] }))}
                    columns={[
                      { title: t('kpis.dealType'), render: (_, r) => t(`kpis.types.${r.type}`) },
                      { title: t('kpis.deals'), align: 'right', render: (_, r) => formatNumber(r.count) },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Card title={t('kpis.patents')}>
              <Table<PatentRow>
                size="small"
                rowKey="orgId"
                dataSource={k.patentsTransferred}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: t('kpis.noPatents') }}
                columns={[
                  { title: t('kpis.institution'), dataIndex: 'name' },
                  { title: t('kpis.transferred'), align: 'right', render: (_, p) => formatNumber(p.transferred) },
                  { title: t('kpis.newlyGranted'), align: 'right', render: (_, p) => formatNumber(p.newlyGranted) },
                  {
                    title: t('kpis.ratio'),
                    render: (_, p) => (
                      <Progress size="small" {...toTarget(p.ratio)} format={() => formatRate(p.ratio.value)} />
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t('outreach.kpis.title')} data-testid="kpi-commissioners">
              <Typography.Paragraph type="secondary">{t('outreach.kpis.help')}</Typography.Paragraph>
              <Row gutter={[32, 16]}>
                {(['appointed', 'visits', 'minedNeeds', 'recommended', 'connected', 'signed'] as const).map((key) => (
                  <Col key={key} xs={12} sm={8} md={4}>
                    <Statistic title={t(`outreach.kpis.${key}`)} value={formatNumber(k.commissioners[key])} />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card title={t('kpis.reviewHours')}>
              <Row gutter={32}>
                <Col>
                  <Statistic title={t('kpis.reviewed')} value={formatNumber(k.reviewHours.reviewed)} />
                </Col>
                <Col>
                  <Statistic title={t('kpis.median')} value={k.reviewHours.median ?? '—'} />
                </Col>
                <Col>
                  <Statistic title={t('kpis.p90')} value={k.reviewHours.p90 ?? '—'} />
                </Col>
              </Row>
            </Card>
          </Space>
        )}
      </QueryState>
    </Space>
  );
}
