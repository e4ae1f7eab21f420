import { Button, Descriptions, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { ManagerRecord as Record, ManagerYear } from '../../api/records';
import { useMe } from '../../auth/AuthContext';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRate } from '../../format';

/**
 * A technology manager's record, year by year, laid out as the evidence sheet for a
 * professional-title application: on screen with a print button, on paper without the portal's
 * frame (see `.evidence-sheet` in styles.css). The manager opens their own; the operator anyone's.
 */
export default function ManagerRecord() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const userId = params.userId ?? me.user.id;
  const record = useQuery({
    queryKey: ['manager-record', userId],
    queryFn: () => api<Record>(`/insights/managers/${userId}/record`),
  });
  return (
    <QueryState query={record}>
      {(r) => {
        const last = r.years[0]?.period.to;
        return (
          <div className="evidence-sheet" data-testid="evidence-sheet">
            <Space className="no-print" wrap style={{ marginBottom: 16 }}>
              <Button type="primary" onClick={() => window.print()} data-testid="print">
                {t('records.manager.print')}
              </Button>
              {me.user.role === 'admin' && <Link to="/admin/managers">{t('records.manager.back')}</Link>}
            </Space>
            <Typography.Title level={3} className="sheet-title">
              {t('records.manager.sheetTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('records.manager.intro')}</Typography.Paragraph>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('records.manager.name')}>{r.name}</Descriptions.Item>
              <Descriptions.Item label={t('records.manager.organisation')}>{r.organisation}</Descriptions.Item>
              <Descriptions.Item label={t('records.manager.period')}>
                {formatDate(r.since)} – {formatDate(last)}
              </Descriptions.Item>
              <Descriptions.Item label={t('records.manager.generatedAt')}>
                {formatDateTime(r.generatedAt)}
              </Descriptions.Item>
            </Descriptions>
            <Table<ManagerYear>
              rowKey="year"
              size="small"
              bordered
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="record-years"
              dataSource={r.years}
              columns={[
                { title: t('records.manager.year'), dataIndex: 'year' },
                { title: t('records.manager.reviews'), render: (_, y) => formatNumber(y.reviews) },
                {
                  title: t('records.manager.onTime'),
                  render: (_, y) => `${formatNumber(y.onTime)} (${formatRate(y.onTimePercent)})`,
                },
                { title: t('records.manager.approved'), render: (_, y) => formatNumber(y.approved) },
                { title: t('records.manager.connected'), render: (_, y) => formatNumber(y.connected) },
                { title: t('records.manager.signed'), render: (_, y) => formatNumber(y.signed) },
                { title: t('records.manager.deals'), render: (_, y) => formatNumber(y.deals) },
                { title: t('records.manager.turnover'), render: (_, y) => formatMoney(y.turnover) },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('records.manager.definitions')}
            </Typography.Title>
            <ul className="sheet-notes">
              <li>{t('records.manager.defs.reviews')}</li>
              <li>{t('records.manager.defs.approved')}</li>
              <li>{t('records.manager.defs.turnover')}</li>
            </ul>
            <Typography.Paragraph type="secondary">{t('records.manager.source')}</Typography.Paragraph>
            <div className="sheet-signature">{t('records.manager.signature')}</div>
          </div>
        );
      }}
    </QueryState>
  );
}
