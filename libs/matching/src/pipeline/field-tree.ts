import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface FieldTerm {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
}

/**
 * The technology-field taxonomy as the matcher uses it: a field's category is its parent;
 * a code that has children is itself a category (a need may name only a category).
 */
export class FieldTree {
  private readonly byCode = new Map<string, FieldTerm>();
  private readonly parents = new Set<string>();

  constructor(terms: FieldTerm[]) {
    for (const term of terms) {
      this.byCode.set(term.code, term);
      if (term.parentCode) this.parents.add(term.parentCode);
    }
  }

  isCategory(code: string): boolean {
    return this.parents.has(code);
  }

  /** The field's Chinese and English names (the code itself when unknown). */
  name(code: string): { zh: string; en: string } {
    const term = this.byCode.get(code);
    return { zh: term?.nameZh ?? code, en: term?.nameEn || term?.nameZh || code };
  }

  /** Splits chosen codes into fine fields and the categories they (or the codes themselves) stand for. */
  split(codes: readonly string[]): { fieldCodes: string[]; categoryCodes: string[] } {
    const fieldCodes: string[] = [];
    const categories = new Set<string>();
    for (const code of codes) {
      if (this.isCategory(code)) {
        categories.add(code);
        continue;
      }
      fieldCodes.push(code);
      const parent = this.byCode.get(code)?.parentCode;
      if (parent) categories.add(parent);
    }
    return { fieldCodes, categoryCodes: [...categories] };
  }

  /** The categories of an achievement's fields (a category-level code counts as its own category). */
  categoriesOf(codes: readonly string[]): string[] {
    const out = new Set<string>();
    for (const code of codes) {
      if (this.isCategory(code)) out.add(code);
      else {
        const parent = this.byCode.get(code)?.parentCode;
        if (parent) out.add(parent);
      }
    }
    return [...out];
  }
}

const CACHE_MS = 60_000;

/** Loads the field taxonomy, kept for a minute (admins edit it rarely). */
@Injectable()
export class FieldTreeSource {
  private cached: { tree: FieldTree; at: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<FieldTree> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.tree;
    const rows: { code: string; name_zh: string; name_en: string; parent_code: string | null }[] =
      await this.dataSource.query(
        `SELECT code, name_zh, name_en, parent_code FROM taxonomy_term WHERE kind = 'field' AND active`,
      );
    const tree = new FieldTree(
      rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, parentCode: r.parent_code })),
    );
    this.cached = { tree, at: Date.now() };
    return tree;
  }
}
