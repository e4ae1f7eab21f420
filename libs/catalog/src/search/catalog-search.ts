import { Injectable } from '@nestjs/common';
import { SearchIndex, type FacetName, type SearchFilters } from '@kuaizhuan/platform';
import { wholeYuanBound } from '../domain/money';
import type { Actor } from '../domain/vocabulary';
import type { SearchQueryDto } from './search.dto';
import type { PortalSearchResult } from './search-views';

const FACETS: FacetName[] = ['fieldCodes', 'regionCodes', 'maturity', 'ipTypes', 'transferModes', 'institution'];

/** Portal search over the index: public listings of all, or everything of the caller's organisation. */
@Injectable()
export class CatalogSearch {
  constructor(private readonly index: SearchIndex) {}

  async search(actor: Actor, query: SearchQueryDto): Promise<PortalSearchResult> {
    const type = query.type ?? 'achievement';
    const filters: SearchFilters = {
      kinds: [type],
      fieldCodes: query.field,
      regionCodes: query.region,
      maturity: query.maturity,
      ipTypes: query.ipType,
      transferModes: query.mode,
      institutions: query.institution,
    };
    if (query.scope === 'mine') filters.ownerOrgIds = [actor.orgId];
    else filters.visibility = ['public'];
    if (query.amountMin !== undefined || query.amountMax !== undefined) {
      filters.amount = {
        min: query.amountMin === undefined ? null : wholeYuanBound(query.amountMin, 'down'),
        max: query.amountMax === undefined ? null : wholeYuanBound(query.amountMax, 'up'),
      };
    }
    const pageSize = query.pageSize ?? 20;
    const result = await this.index.search({
      text: query.q,
      filters,
      facets: FACETS,
      page: query.page ?? 1,
      limit: pageSize,
    });
    return {
      hits: result.hits.map(({ id, score, document, highlights }) => ({
        id,
        type: document.kind,
        score,
        title: document.title,
        summary: document.summary,
        highlights,
        keywords: document.keywords ?? [],
        fieldCodes: document.fieldCodes ?? [],
        regionCodes: document.regionCodes ?? [],
        maturity: document.maturity ?? null,
        ipTypes: document.ipTypes ?? [],
        transferModes: document.transferModes ?? [],
        institution: document.institution ?? null,
        status: document.status,
        mine: document.ownerOrgId === actor.orgId,
        display: document.display ?? {},
        updatedAt: document.updatedAt,
      })),
      total: result.total,
      page: result.page,
      pageSize,
      facets: result.facets,
    };
  }
}
