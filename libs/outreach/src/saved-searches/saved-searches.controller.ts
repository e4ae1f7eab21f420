import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import { SaveSearchDto, UnsubscribeDto } from './saved-search.dto';
import { SavedSearchesService, type SavedSearchView } from './saved-searches.service';

/** Searches saved from the search page; new listings that match arrive through the user's channels. */
@ApiTags('saved searches')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager', 'admin')
@Controller('saved-searches')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  /** Saves a search (at most 20 each). */
  @Post()
  @Standing('draft')
  save(@CurrentUser() caller: Caller, @Body() body: SaveSearchDto): Promise<SavedSearchView> {
    return this.searches.save(caller, body);
  }

  /** The caller's saved searches, newest first. */
  @Get()
  @Standing('any')
  list(@CurrentUser() caller: Caller): Promise<SavedSearchView[]> {
    return this.searches.list(caller);
  }

  /** Deletes one of the caller's saved searches: no more messages from it. */
  @Delete(':id')
  @HttpCode(204)
  @Standing('any')
  async remove(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<void> {
    await this.searches.remove(caller, id);
  }
}

/** The link in every saved-search message: stops that search without signing in. */
@ApiTags('saved searches')
@Controller('saved-searches/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Post()
  @Public()
  @HttpCode(200)
  unsubscribe(@Body() body: UnsubscribeDto): Promise<{ stopped: true; name: string | null }> {
    return this.searches.unsubscribe(body);
  }
}
