import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import { PaymentDto, RevenueReportDto } from '../http/deal.dto';
import { IDEMPOTENCY_HEADER, requireIdempotencyKey } from '../steps/idempotency';
import { LicencesService, type LicenceView, type PaymentResult, type ReportResult } from './licences.service';

const IDEMPOTENCY_DOC = {
  name: IDEMPOTENCY_HEADER,
  required: true,
  description: 'The same key with the same body gets the same answer; with another body, 422.',
};

/** Use-first-pay-later licences in force: terms, revenue reports, instalments and payments. */
@ApiTags('deals')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager')
@Controller('deals')
export class LicencesController {
  constructor(private readonly licences: LicencesService) {}

  /** The licence's terms, revenue reports and instalments (with invoice numbers and standing). */
  @Get(':id/licence')
  view(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<LicenceView> {
    return this.licences.view(caller, id);
  }

  /** The licensee reports revenue for a period; may reach the payment trigger and charge a royalty. */
  @Post(':id/revenue-reports')
  @Roles('enterprise')
  @ApiHeader(IDEMPOTENCY_DOC)
  report(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: RevenueReportDto,
  ): Promise<ReportResult> {
    return this.licences.report(caller, id, requireIdempotencyKey(key), body);
  }

  /** The institution or the manager records a payment received for an instalment; it is split at once. */
  @Post(':id/payments')
  @Roles('tto', 'manager')
  @ApiHeader(IDEMPOTENCY_DOC)
  pay(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: PaymentDto,
  ): Promise<PaymentResult> {
    return this.licences.pay(caller, id, requireIdempotencyKey(key), body);
  }
}
