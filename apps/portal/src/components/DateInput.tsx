import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

interface Props extends Omit<DatePickerProps, 'value' | 'onChange'> {
  /** A calendar date as the API speaks it: YYYY-MM-DD. */
  value?: string;
  onChange?: (value: string | undefined) => void;
}

/** A date picker whose value is the API's calendar date string, not a date object. */
export function DateInput({ value, onChange, ...props }: Props) {
  return (
    <DatePicker
      format={FORMAT}
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(date) => {
        const day = Array.isArray(date) ? date[0] : date;
        onChange?.(day ? day.format(FORMAT) : undefined);
      }}
      {...props}
    />
  );
}

/** Today (China time) as YYYY-MM-DD. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
