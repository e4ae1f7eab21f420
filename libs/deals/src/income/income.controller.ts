import { Body, Controller, Get, Headers, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import type { IncomeEventView } from '../books/income-book';
import type { IncomePolicy } from '../domain/income-split';
import { IncomeDto, PolicyDto } from '../http/deal.dto';
import { IDEMPOTENCY_HEADER, requireIdempotencyKey } from '../steps/idempotency';
import { IncomeService, type ResearcherTotal, type Statement } from './income.service';

/** Income events of a deal and their ledger entries. */
@ApiTags('income')
@ApiBearerAuth()
@Controller('deals')
export class DealIncomeController {
  constructor(private readonly income: IncomeService) {}

  /** Records a fee, dividend or exit proceeds and splits it by the institution's policy. */
  @Post(':id/income')
  @Roles('tto')
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: true })
  record(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: IncomeDto,
  ): Promise<IncomeEventView> {
    return this.income.record(caller, id, requireIdempotencyKey(key), body);
  }

  /** The deal's income events with their ledger entries (institution and manager only). */
  @Get(':id/income')
  @Roles('tto', 'manager')
  ledger(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<IncomeEventView[]> {
    return this.income.ledger(caller, id);
  }
}

/** An institution's income distribution policy and its researchers' statements. */
@ApiTags('income')
@ApiBearerAuth()
@Roles('tto')
@Controller('income')
export class IncomeController {
  constructor(private readonly income: IncomeService) {}

  @Get('policy')
  policy(@CurrentUser() caller: Caller): Promise<IncomePolicy> {
    return this.income.policy(caller);
  }

  /** The research team's floor and the institution's cap, in percent (80 / 20 until set). */
  @Put('policy')
  setPolicy(@CurrentUser() caller: Caller, @Body() body: PolicyDto): Promise<IncomePolicy> {
    return this.income.setPolicy(caller, body);
  }

  /** The per-researcher distribution: each researcher with income allotted, and their total. */
  @Get('researchers')
  researchers(@CurrentUser() caller: Caller): Promise<ResearcherTotal[]> {
    return this.income.distribution(caller);
  }

  /** A researcher's statement: every ledger entry in their name, with the total. */
  @Get('statements/:researcherId')
  statement(@CurrentUser() caller: Caller, @UuidParam('researcherId') researcherId: string): Promise<Statement> {
    return this.income.statement(caller, researcherId);
  }
}
