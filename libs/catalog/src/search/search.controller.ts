import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Caller } from '@kuaizhuan/identity';
import { RateLimit } from '@kuaizhuan/platform';
import { CatalogSearch } from './catalog-search';
import type { PortalSearchResult } from './search-views';
import { SearchQueryDto } from './search.dto';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly catalogSearch: CatalogSearch) {}

  /**
   * Full-text search with filters, facet counts, highlights and pages over published
   * achievements, needs or researchers; `scope=mine` searches the caller's own listings
   * in any status. Private fields are never indexed, so never returned.
   */
  @Get()
  @RateLimit('search')
  search(@CurrentUser() caller: Caller, @Query() query: SearchQueryDto): Promise<PortalSearchResult> {
    return this.catalogSearch.search(caller, query);
  }
}
