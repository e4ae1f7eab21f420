import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { zh } from './zh';

export type Language = 'zh' | 'en';
const KEY = 'kz.language';

function storedLanguage(): Language {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
dayjs.locale(storedLanguage() === 'zh' ? 'zh-cn' : 'en');

/** Switches the portal's language and remembers the choice. */
export function setLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh';
}

export default i18n;
