import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import type { Repository } from 'typeorm';
import type { TermResolver } from '../domain/import-row';
import type { TaxonomyKind } from '../domain/vocabulary';
import { TaxonomyTerm } from '../entities/taxonomy-term.entity';

export interface TermChange {
  nameZh: string;
  nameEn: string;
  parentCode?: string | null;
  sortOrder?: number;
  active?: boolean;
}

/** Reads and edits the taxonomies; checks the codes listings use. */
@Injectable()
export class TaxonomyService {
  constructor(@InjectRepository(TaxonomyTerm) private readonly terms: Repository<TaxonomyTerm>) {}

  list(kind: TaxonomyKind, includeInactive = false): Promise<TaxonomyTerm[]> {
    return this.terms.find({
      where: includeInactive ? { kind } : { kind, active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  /** Creates or edits a term (admins). A parent must be an existing term of the same kind. */
  async put(kind: TaxonomyKind, code: string, change: TermChange): Promise<TaxonomyTerm> {
    if (change.parentCode) {
      if (change.parentCode === code) throw new InvalidInputError('a term cannot be its own parent', 'parentCode');
      const parent = await this.terms.findOneBy({ kind, code: change.parentCode });
      if (!parent) throw new InvalidInputError(`no ${kind} term has the code ${change.parentCode}`, 'parentCode');
    }
    const existing = await this.terms.findOneBy({ kind, code });
    const term = this.terms.merge(existing ?? this.terms.create({ kind, code }), {
      nameZh: change.nameZh,
      nameEn: change.nameEn,
      parentCode: change.parentCode ?? existing?.parentCode ?? null,
      sortOrder: change.sortOrder ?? existing?.sortOrder ?? 0,
      active: change.active ?? existing?.active ?? true,
    });
    return this.terms.save(term);
  }

  /** Retires a term: listings that name it keep it, new ones cannot choose it. */
  async retire(kind: TaxonomyKind, code: string): Promise<void> {
    const result = await this.terms.update({ kind, code }, { active: false });
    if (!result.affected) throw new NotFoundError(`no ${kind} term has the code ${code}`);
  }

  /** A resolver of codes and Chinese names to active codes, for one request or one import. */
  async resolver(): Promise<TermResolver> {
    const all = await this.terms.find({ where: { active: true } });
    const byKind = new Map<string, Map<string, string>>();
    for (const term of all) {
      const map = byKind.get(term.kind) ?? new Map<string, string>();
      map.set(term.code, term.code);
      map.set(term.nameZh, term.code);
      byKind.set(term.kind, map);
    }
    return (kind, text) => byKind.get(kind)?.get(text.trim());
  }

  /** Refuses codes that are not active terms of `kind`, naming the field. */
  async checkCodes(
    checks: { kind: TaxonomyKind; field: string; codes: (string | null | undefined)[] }[],
  ): Promise<void> {
    const resolve = await this.resolver();
    for (const check of checks) {
      for (const code of check.codes) {
        if (code == null) continue;
        if (resolve(check.kind, code) !== code) {
          throw new InvalidInputError(
            `${check.field}: unknown ${check.kind.replace('_', ' ')} code "${code}"`,
            check.field,
          );
        }
      }
    }
  }

  /** Chinese names of codes, for search documents and facets. */
  async names(): Promise<Map<string, string>> {
    const all = await this.terms.find();
    return new Map(all.map((term) => [`${term.kind}:${term.code}`, term.nameZh]));
  }
}
