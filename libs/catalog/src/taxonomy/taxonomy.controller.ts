import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@kuaizhuan/identity';
import type { TaxonomyTerm } from '../entities/taxonomy-term.entity';
import { PutTermDto, TaxonomyKindParams, TaxonomyListQuery, TaxonomyTermParams } from './taxonomy.dto';
import { TaxonomyService } from './taxonomy.service';

/** Taxonomies: technology fields (incl. 33618 clusters), regions, IP types, maturity stages. */
@ApiTags('taxonomies')
@Controller('taxonomies')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  /** The terms of one taxonomy, in display order. Public reference data. */
  @Get(':kind')
  @Public()
  list(@Param() params: TaxonomyKindParams, @Query() query: TaxonomyListQuery): Promise<TaxonomyTerm[]> {
    return this.taxonomy.list(params.kind, query.includeInactive ?? false);
  }

  /** Creates or edits a term (admins). */
  @Put(':kind/:code')
  @ApiBearerAuth()
  @Roles('admin')
  put(@Param() params: TaxonomyTermParams, @Body() body: PutTermDto): Promise<TaxonomyTerm> {
    return this.taxonomy.put(params.kind, params.code, body);
  }

  /** Retires a term (admins): listings keep it, new ones cannot choose it. */
  @Delete(':kind/:code')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('admin')
  async retire(@Param() params: TaxonomyTermParams): Promise<void> {
    await this.taxonomy.retire(params.kind, params.code);
  }
}
