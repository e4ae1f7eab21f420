import { Module } from '@nestjs/common';
import { NotifierModule } from '@kuaizhuan/delivery';
import { ContractService } from './contract/contract.service';
import { DealsCoreModule } from './deals-core.module';
import { EquityController } from './equity/equity.controller';
import { EquityService } from './equity/equity.service';
import { Idempotency } from './income/idempotency';
import { IncomeBook } from './income/income-book';
import { DealIncomeController, IncomeController } from './income/income.controller';
import { IncomeService } from './income/income.service';
import { LicencesController } from './licences/licences.controller';
import { LicencesService } from './licences/licences.service';
import { LicenceTerms } from './licences/licence-terms.service';
import { DealNotices } from './rooms/deal-notices';
import { DealsController } from './rooms/deals.controller';
import { DealsService } from './rooms/deals.service';
import { RoomService } from './rooms/room.service';

/** The api side of deals: deal rooms, licences, equity, income and the ledger. */
@Module({
  imports: [DealsCoreModule, NotifierModule],
  controllers: [DealsController, LicencesController, DealIncomeController, IncomeController, EquityController],
  providers: [
    DealsService,
    RoomService,
    LicenceTerms,
    LicencesService,
    IncomeBook,
    IncomeService,
    Idempotency,
    EquityService,
    ContractService,
    DealNotices,
  ],
})
export class DealsModule {}
