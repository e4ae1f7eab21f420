import { InputNumber, type InputNumberProps } from 'antd';
import Decimal from 'decimal.js';
import { useTranslation } from 'react-i18next';

/**
 * Yuan with thousands separators and two decimals (500,000.00 元). The value is the decimal
 * string the API speaks (antd's string mode), never a JavaScript number.
 */
export function MoneyInput(props: InputNumberProps<string>) {
  const { t } = useTranslation();
  return (
    <InputNumber<string>
      stringMode
      min="0"
      precision={2}
      suffix={t('money.yuan')}
      formatter={(value) => {
        if (value === undefined || value === '') return '';
        const [whole, fraction] = `${value}`.split('.');
        const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        return fraction === undefined ? grouped : `${grouped}.${fraction}`;
      }}
      parser={(text) => (text ?? '').replace(/[,\s]/g, '')}
      style={{ width: 200 }}
      {...props}
    />
  );
}

/** Whether a range's lower end lies above its upper end (both optional decimal strings). */
export function rangeReversed(min: string | null | undefined, max: string | null | undefined): boolean {
  if (min == null || max == null || min === '' || max === '') return false;
  return new Decimal(min).greaterThan(new Decimal(max));
}
