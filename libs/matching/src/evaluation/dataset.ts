import { readFileSync } from 'node:fs';

/** An evaluation set in the format of the shared matching data (needs, achievements, graded pairs). */
export interface Dataset {
  name: string;
  needs: { id: string; title: string; description: string; category?: string }[];
  achievements: { id: string; title: string; summary: string; keywords?: string[]; field?: string }[];
  qrels: { need: string; achievement: string; grade: number }[];
}

export function readDataset(path: string): Dataset {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<Dataset>;
  for (const key of ['needs', 'achievements', 'qrels'] as const) {
    if (!Array.isArray(raw[key])) throw new Error(`${path}: "${key}" must be an array`);
  }
  return { name: raw.name ?? path, needs: raw.needs!, achievements: raw.achievements!, qrels: raw.qrels! };
}

/** Names some sets give disciplines that the national catalogue words differently. */
const DISCIPLINE_ALIASES: Record<string, string> = {
  生物科学与工程: '生物工程',
  农业资源利用: '农业资源与环境',
  '图书馆、情报与档案管理': '图书情报与档案管理',
};

export interface FieldTerm {
  code: string;
  nameZh: string;
  parentCode: string | null;
}

/**
 * Maps a discipline label ("化学/化学工程与技术", "计算机科学与技术", "历史学") to field
 * codes of the taxonomy: each part by the name of a discipline, else of a category.
 */
export function disciplineCodes(label: string | undefined, terms: readonly FieldTerm[]): string[] {
  if (!label) return [];
  const disciplines = terms.filter((t) => t.code.startsWith('disc-') && t.code.length === 9);
  const categories = terms.filter((t) => t.code.startsWith('disc-') && t.code.length === 7);
  const codes = new Set<string>();
  for (const part of label
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const name = DISCIPLINE_ALIASES[part] ?? part;
    const found = disciplines.find((t) => t.nameZh === name) ?? categories.find((t) => t.nameZh === name);
    if (found) codes.add(found.code);
  }
  return [...codes];
}

/** The category (学科门类) code a need's coarse category names, if any. */
export function categoryCode(category: string | undefined, terms: readonly FieldTerm[]): string[] {
  const found = terms.find((t) => t.code.startsWith('disc-') && t.code.length === 7 && t.nameZh === category);
  return found ? [found.code] : [];
}
