import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import { EquityDto, RightsGrantDto, ValuationDto } from '../http/deal.dto';
import { EquityService, type EquityView } from './equity.service';

/** Rights-for-equity and rights grants: valuation, equity taken and its split, grants to researchers. */
@ApiTags('deals')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager')
@Controller('deals')
export class EquityController {
  constructor(private readonly equity: EquityService) {}

  @Get(':id/equity')
  view(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<EquityView> {
    return this.equity.view(caller, id);
  }

  /** Records the appraised value of the rights (value, method, appraiser, date). */
  @Post(':id/valuation')
  @Roles('tto', 'manager')
  valuation(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: ValuationDto): Promise<EquityView> {
    return this.equity.valuation(caller, id, body);
  }

  /** Records the equity taken in the company and its split between institution and research team. */
  @Post(':id/equity')
  @Roles('tto')
  take(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: EquityDto): Promise<EquityView> {
    return this.equity.equity(caller, id, body);
  }

  /** Grants researchers a co-ownership share or a long-term use right (赋权). */
  @Post(':id/rights-grants')
  @Roles('tto')
  grant(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: RightsGrantDto): Promise<EquityView> {
    return this.equity.grant(caller, id, body);
  }
}
