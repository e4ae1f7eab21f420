export { PageQueryDto, pageOf, type Page } from '@kuaizhuan/platform';

/** Both languages of a text. */
export class BilingualText {
  zh: string;
  en: string;
}
