import { normalise } from './normalise';

/**
 * Groups of phrases that name the same thing. A query that contains one phrase of a group
 * also searches for the others. Applied at query time only, so editing this table needs no
 * reindex. Keep groups to true equivalents: a broader term is not a synonym.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['人工智能', 'ai', 'artificial intelligence'],
  ['新能源汽车', '电动汽车', '电动车'],
  ['锂电池', '锂离子电池', '锂电'],
  ['无人机', '无人驾驶飞机', 'uav'],
  ['物联网', 'iot'],
  ['大数据', 'big data'],
  ['机器学习', 'machine learning'],
  ['深度学习', 'deep learning'],
  ['区块链', 'blockchain'],
  ['石墨烯', 'graphene'],
  ['3d打印', '增材制造'],
  ['集成电路', '芯片'],
  ['光伏', '太阳能发电'],
  ['燃料电池', 'fuel cell'],
  ['数控机床', 'cnc'],
  ['污水处理', '废水处理'],
  ['可降解塑料', '生物降解塑料'],
  ['先使用后付费', '先用后付'],
  ['作价入股', '以权代股'],
  ['专利', 'patent'],
];

export type SynonymTable = readonly (readonly string[])[];

function containsPhrase(query: string, phrase: string): boolean {
  if (/^[\p{Script=Latin}\p{N}\s]+$/u.test(phrase)) {
    // Latin phrases must stand as whole words: "ai" is not in "email".
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(query);
  }
  return query.includes(phrase);
}

/** The phrases equivalent to something the (normalised) query contains, not already in it. */
export function synonymsIn(normalisedQuery: string, table: SynonymTable = SYNONYM_GROUPS): string[] {
  const found = new Set<string>();
  for (const group of table) {
    const phrases = group.map(normalise);
    if (!phrases.some((phrase) => containsPhrase(normalisedQuery, phrase))) continue;
    for (const phrase of phrases) if (!containsPhrase(normalisedQuery, phrase)) found.add(phrase);
  }
  return [...found];
}

/** The table in Meilisearch's form: every phrase maps to the other phrases of its group. */
export function synonymMap(table: SynonymTable = SYNONYM_GROUPS): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of table) {
    const phrases = group.map(normalise);
    for (const phrase of phrases) {
      map[phrase] = [...new Set([...(map[phrase] ?? []), ...phrases.filter((other) => other !== phrase)])];
    }
  }
  return map;
}
