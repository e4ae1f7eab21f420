import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The search box of one's own lists (`?q=`, at most 100 characters): tells the trimmed text on Enter. */
export function TitleSearch({ onSearch }: { onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <Input.Search
      allowClear
      aria-label={t('common.findByTitle')}
      placeholder={t('common.findByTitle')}
      maxLength={100}
      onSearch={(value) => onSearch(value.trim())}
    />
  );
}
