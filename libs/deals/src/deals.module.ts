import { Module } from '@nestjs/common';
import { NotifierModule } from '@kuaizhuan/delivery';
import { IncomeBook } from './books/income-book';
import { ContractService } from './contract/contract.service';
import { DealsCoreModule } from './deals-core.module';
import { EquityController } from './equity/equity.controller';
import { EquityService } from './equity/equity.service';
import { DealIncomeController, IncomeController } from './income/income.controller';
import { IncomeService } from './income/income.service';
import { LicenceTerms } from './licences/licence-terms.service';
import { LicencesController } from './licences/licences.controller';
import { LicencesService } from './licences/licences.service';
import { DealNotices } from './rooms/deal-notices';
import { DealsController } from './rooms/deals.controller';
import { DealsService } from './rooms/deals.service';
import { RoomService } from './rooms/room.service';
import { Idempotency } from './steps/idempotency';

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
