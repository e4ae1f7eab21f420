import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MaturityGap } from '../api/services';
import { formatMoneyRange, formatPercent } from '../format';

function say(text: { zh: string; en: string }): string {
  return i18n.language === 'en' ? text.en : text.zh;
}

/**
 * A recommendation's maturity gap: how far the achievement is from the maturity the need asks,
 * and the verified platforms that bridge it, each with its reasons and a way to ask for a quote.
 */
export function MaturityGapPanel({
  gap,
  achievementId,
  recommendationId,
}: {
  gap: MaturityGap;
  achievementId: string;
  recommendationId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="maturity-gap"
      title={`${t('services.gap.title')}: TRL ${gap.achievementTrl} → ${gap.neededTrl}`}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{say(gap)}</Typography.Text>
          {gap.proposals.length === 0 ? (
            <Typography.Text type="secondary">{t('services.gap.noProposal')}</Typography.Text>
          ) : (
            <List
              size="small"
              header={<Typography.Text strong>{t('services.gap.proposals')}</Typography.Text>}
              dataSource={gap.proposals}
              renderItem={(p) => {
                const query = new URLSearchParams({
                  serviceId: p.service.serviceId,
                  achievementId,
                  recommendationId,
                  targetTrl: String(Math.min(gap.neededTrl, p.service.trlTo)),
                });
                return (
                  <List.Item
                    data-testid="gap-proposal"
                    actions={[
                      <Link key="ask" to={`/service-quotes/new?${query.toString()}`}>
                        <Button size="small" type="primary">
                          {t('services.gap.ask')}
                        </Button>
                      </Link>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <span>{p.service.platformName}</span>
                          <Typography.Text type="secondary">{p.service.title}</Typography.Text>
                          <Tag color="blue">{formatPercent(p.score)}</Tag>
                        </Space>
                      }
                      description={
                        <Space orientation="vertical" size={2}>
                          <Space wrap size={4}>
                            {p.service.kinds.map((kind) => (
                              <Tag key={kind}>{t(`services.kinds.${kind}`)}</Tag>
                            ))}
                            <span>
                              TRL {p.service.trlFrom}–{p.service.trlTo}
                            </span>
                            <span>
                              {formatMoneyRange(p.service.priceMin, p.service.priceMax, t('money.negotiable'))}
                            </span>
                            <span>{t('services.days', { count: p.service.leadTimeDays })}</span>
                          </Space>
                          {p.reasons.map((r) => (
                            <Typography.Text key={r.feature} type="secondary">
                              · {say(r)}
                            </Typography.Text>
                          ))}
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </Space>
      }
    />
  );
}
