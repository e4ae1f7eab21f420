import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { RateLimit, UuidParam, type Page } from '@kuaizhuan/platform';
import { QuoteListQueryDto, QuoteMessageDto, QuoteTransitionDto, RequestQuoteDto } from './quote.dto';
import type { QuoteView } from './quote-views';
import { QuotesService } from './quotes.service';

/**
 * Quotes for proof-of-concept and pilot steps. A quote is seen by the organisation that asked, the
 * platform asked and the achievement's institution; to anyone else it does not exist (404).
 */
@ApiTags('service-quotes')
@ApiBearerAuth()
@Roles('enterprise', 'tto')
@Controller('service-quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  /** Asks a verified platform's service for a quote on an achievement. */
  @Post()
  request(@CurrentUser() caller: Caller, @Body() body: RequestQuoteDto): Promise<QuoteView> {
    return this.quotes.request(caller, body);
  }

  /** The quotes your organisation asked for, answers as a platform, or whose achievement it owns. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: QuoteListQueryDto): Promise<Page<QuoteView>> {
    return this.quotes.list(caller, query);
  }

  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<QuoteView> {
    return this.quotes.get(caller, id);
  }

  /** One step: quote, accept, complete or decline; audited and told to the other parties. */
  @Post(':id/transitions')
  @HttpCode(200)
  transition(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: QuoteTransitionDto,
  ): Promise<QuoteView> {
    return this.quotes.transition(caller, id, body);
  }

  /** The achievement's institution confirms the maturity a completed step reached; the achievement's TRL rises. */
  @Post(':id/confirm-maturity')
  @HttpCode(200)
  @Roles('tto')
  confirm(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<QuoteView> {
    return this.quotes.confirmMaturity(caller, id);
  }

  @Post(':id/messages')
  @RateLimit('message')
  postMessage(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: QuoteMessageDto,
  ): Promise<QuoteView> {
    return this.quotes.postMessage(caller, id, body);
  }
}
