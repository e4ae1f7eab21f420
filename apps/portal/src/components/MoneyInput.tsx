import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Yuan with thousands separators and two decimals (500,000.00 元). */
export function MoneyInput(props: InputNumberProps<number>) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      min={0}
      precision={2}
      suffix={t('money.yuan')}
      formatter={(value) => (value === undefined ? '' : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
      parser={(text) => Number((text ?? '').replace(/,/g, ''))}
      style={{ width: 200 }}
      {...props}
    />
  );
}
