import { ELECTRONICS_AND_SOFTWARE } from './electronics-software';
import { LIFE_AND_FOOD } from './life-food';
import { MATERIALS_AND_ENERGY } from './materials-energy';
import type { ClusterVocabulary, MetricSpec, Topic } from './types';
import { VEHICLES_AND_EQUIPMENT } from './vehicles-equipment';

export type { ClusterVocabulary, ResultKind, Topic } from './types';

/** Every cluster the demo catalogue is written from, keyed by field code. */
export const CLUSTERS: ReadonlyMap<string, ClusterVocabulary> = new Map(
  [...VEHICLES_AND_EQUIPMENT, ...ELECTRONICS_AND_SOFTWARE, ...MATERIALS_AND_ENERGY, ...LIFE_AND_FOOD].map((cluster) => [
    cluster.code,
    cluster,
  ]),
);

export function cluster(code: string): ClusterVocabulary {
  const found = CLUSTERS.get(code);
  if (!found) throw new Error(`no demo vocabulary for cluster ${code}`);
  return found;
}

export interface Metric {
  sense: 'le' | 'ge' | 'pct';
  name: string;
  min: number;
  max: number;
  unit: string;
  decimals: number;
}

function decimalsOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/** Reads `sense|name|min-max|unit`. */
export function parseMetric(spec: MetricSpec): Metric {
  const [sense, name, range, unit = ''] = spec.split('|');
  const bounds = range?.split('-') ?? [];
  if ((sense !== 'le' && sense !== 'ge' && sense !== 'pct') || !name || bounds.length !== 2) {
    throw new Error(`bad metric ${spec}`);
  }
  const [min, max] = bounds.map(Number);
  if (!(min <= max)) throw new Error(`bad metric range ${spec}`);
  return { sense, name, min, max, unit, decimals: Math.max(...bounds.map(decimalsOf)) };
}

/** The cluster's topics, each with its metrics read. */
export function topicMetrics(topic: Topic): Metric[] {
  return topic.metrics.map(parseMetric);
}
