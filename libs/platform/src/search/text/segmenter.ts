import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
import { domainDictionary } from './domain-dictionary';
import { isWordLike } from './normalise';

let instance: Jieba | undefined;

/** jieba with its general dictionary and our domain terms, loaded once (about 0.2 s) on first use. */
function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(domainDictionary(), 'utf8'));
  }
  return instance;
}

/**
 * Splits already-normalised text into words: jieba (with its HMM for unknown words) for
 * Chinese, runs of letters and digits for other scripts. Punctuation and spaces are dropped.
 */
export function segment(normalisedText: string): string[] {
  if (normalisedText.length === 0) return [];
  return jieba()
    .cut(normalisedText, true)
    .map((token) => token.trim())
    .filter(isWordLike);
}

let keywordExtractor: TfIdf | undefined;

/**
 * The `limit` most informative words of a text by TF-IDF against jieba's general-Chinese IDF
 * table: for engines that take only a few query words (Meilisearch reads ten).
 */
export function keywordsOf(normalisedText: string, limit: number): string[] {
  keywordExtractor ??= TfIdf.withDict(idf);
  return keywordExtractor
    .extractKeywords(jieba(), normalisedText, limit)
    .map((keyword) => keyword.keyword.trim())
    .filter(isWordLike);
}
