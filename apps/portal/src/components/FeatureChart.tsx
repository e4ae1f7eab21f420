import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../api/types';
import { formatPercent } from '../format';

/**
 * The score broken down into its explained features: one bar per feature (its value in
 * [0,1]) with the reason in words, strongest first.
 */
export function FeatureChart({ features, compact = false }: { features: Feature[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const sorted = [...features].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  return (
    <div className="feature-chart" role="list" aria-label={t('recs.explain')}>
      {sorted.map((f) => (
        <div key={f.feature} role="listitem" className="feature-row" data-feature={f.feature}>
          <span className="feature-name">{t(`features.${f.feature}`)}</span>
          <Tooltip title={i18n.language === 'en' ? f.en : f.zh}>
            <Progress
              percent={f.value === null ? 0 : Math.round(f.value * 100)}
              size="small"
              showInfo={false}
              strokeColor={f.value === null ? '#d9d9d9' : undefined}
              className="feature-bar"
            />
          </Tooltip>
          <span className="feature-value">{f.value === null ? t('recs.hidden') : formatPercent(f.value)}</span>
          {!compact && (
            <Typography.Text type="secondary" className="feature-reason">
              {i18n.language === 'en' ? f.en : f.zh}
            </Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
