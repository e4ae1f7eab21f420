import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Button size="small" onClick={() => setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh')}>
      {t('common.language')}
    </Button>
  );
}
