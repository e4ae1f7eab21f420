import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from '@kuaizhuan/identity';
import { LicenceBook } from './books/licence-book';
import { DealAttachment, DealContribution, DealMessage, TermSheet } from './entities/deal-room.entity';
import { Deal } from './entities/deal.entity';
import {
  DealEquity,
  DealValuation,
  IdempotencyRecord,
  IncomeEvent,
  IncomePolicyRow,
  LedgerEntry,
  RightsGrant,
} from './entities/ledger.entity';
import { DealReminder, Instalment, RevenueReport, UfplLicence } from './entities/licence.entity';
import { DealAccess } from './steps/deal-access';
import { DealSteps } from './steps/deal-steps';

export const DEAL_ENTITIES = [
  Deal,
  TermSheet,
  DealMessage,
  DealAttachment,
  DealContribution,
  UfplLicence,
  RevenueReport,
  Instalment,
  DealReminder,
  IncomeEvent,
  LedgerEntry,
  IncomePolicyRow,
  DealValuation,
  DealEquity,
  RightsGrant,
  IdempotencyRecord,
];

/** What both processes need: the entities, access by party, audited steps and the licence book. */
@Module({
  imports: [TypeOrmModule.forFeature(DEAL_ENTITIES)],
  providers: [AuditLog, DealAccess, DealSteps, LicenceBook],
  exports: [TypeOrmModule, AuditLog, DealAccess, DealSteps, LicenceBook],
})
export class DealsCoreModule {}
