/*
 * The vocabulary the demo catalogue is written from, one per 33618 cluster. Everything here
 * is hand-written Chinese; the generator only chooses and combines, so what it writes reads
 * like something a TTO or a company would write.
 */

/** What kind of result a topic yields: decides IP types, title endings and stage wording. */
export type ResultKind = 'material' | 'process' | 'device' | 'software' | 'drug' | 'agri';

/**
 * A performance figure, written `sense|name|min-max|unit`:
 * - `le`: lower is better, shown as "≤ value" (`le|模组温差|2-4|℃`);
 * - `ge`: higher is better, shown as "≥ value" (`ge|能量密度|240-300|Wh/kg`);
 * - `pct`: a relative change whose direction is in the name (`pct|能耗降低|15-30|%`).
 * A decimal point in the range gives the number of decimals.
 */
export type MetricSpec = string;

export interface Topic {
  /** The technology object, a noun phrase that reads well before 技术 / 研制 / 系统. */
  object: string;
  /** Achievement titles; `{m}` is replaced by one of the methods. */
  titles: string[];
  /** Keywords both sides would use. */
  keywords: string[];
  /** Technical routes, noun phrases (一体化高压压铸, 迁移学习 …). */
  methods: string[];
  metrics: MetricSpec[];
  /** Where it is used. */
  uses: string[];
  /** What goes wrong today, as a phrase without subject (钢制壳体偏重、影响续航). */
  pains: string[];
  /** What a company wants, as a short phrase that follows the object (轻量化, 国产化替代). */
  aims: string[];
  /** Overrides the cluster's result kind. */
  kind?: ResultKind;
  /** Standards that apply to this topic in particular (the cluster's apply too). */
  standards?: string[];
  /** Field codes besides the cluster's own (another cluster, a national high-tech field). */
  fields?: string[];
}

export interface ClusterVocabulary {
  /** Field code of the cluster (taxonomy kind `field`). */
  code: string;
  /** The cluster's name as people say it. */
  name: string;
  kind: ResultKind;
  /** The academic discipline (field code `disc-…`) most of its researchers come from. */
  discipline: string;
  /** Usual asking price of a result at pilot stage, in 万元 (10,000 yuan). */
  price: [number, number];
  /** What companies of the cluster have in their plants and labs. */
  equipment: string[];
  /** Standards or requirements a company of the cluster names in its indicators, whatever the topic. */
  standards: string[];
  /** Advantages that recur in the cluster; `{a-b}` is replaced by a number in the range. */
  advantages: string[];
  topics: Topic[];
}
