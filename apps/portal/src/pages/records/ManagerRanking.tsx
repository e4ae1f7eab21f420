import { Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { ManagerFigures } from '../../api/records';
import { QueryState } from '../../components/QueryState';
import { formatMoney, formatNumber, formatRate } from '../../format';

/** The current year in China time, as the api takes it when no year is given. */
export function thisYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** The operator's ranking of all technology managers for a year (in the URL). */
export default function ManagerRanking() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const ranking = useQuery({
    queryKey: ['manager-ranking', year],
    queryFn: () => api<ManagerFigures[]>(`/insights/managers?year=${year}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('records.ranking.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('records.ranking.hint')}</Typography.Text>
      <Space>
        {t('records.ranking.year')}
        <Select
          value={year}
          style={{ width: 110 }}
          data-testid="ranking-year"
          options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => setParams({ year: String(value) })}
        />
      </Space>
      <QueryState query={ranking}>
        {(rows) => (
          <Table<ManagerFigures>
            rowKey="userId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="manager-ranking"
            dataSource={rows}
            columns={[
              { title: t('records.ranking.rank'), render: (_, _r, index) => index + 1 },
              {
                title: t('records.ranking.name'),
                render: (_, r) => <Link to={`/admin/managers/${r.userId}`}>{r.name}</Link>,
              },
              { title: t('records.ranking.organisation'), dataIndex: 'organisation' },
              { title: t('records.manager.reviews'), render: (_, r) => formatNumber(r.reviews) },
              { title: t('records.manager.onTimePercent'), render: (_, r) => formatRate(r.onTimePercent) },
              { title: t('records.manager.approved'), render: (_, r) => formatNumber(r.approved) },
              { title: t('records.manager.connected'), render: (_, r) => formatNumber(r.connected) },
              { title: t('records.manager.signed'), render: (_, r) => formatNumber(r.signed) },
              { title: t('records.manager.deals'), render: (_, r) => formatNumber(r.deals) },
              { title: t('records.manager.turnover'), render: (_, r) => formatMoney(r.turnover) },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
