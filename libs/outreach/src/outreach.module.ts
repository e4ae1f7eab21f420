import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@kuaizhuan/catalog';
import { AuditLog } from '@kuaizhuan/identity';
import { AppointmentsService } from './commissioners/appointments.service';
import { CommissionerWorkService } from './commissioners/commissioner-work.service';
import {
  AppointmentsController,
  CommissionerController,
  MinedNeedsController,
} from './commissioners/commissioners.controller';
import { MinedNeedsService } from './commissioners/mined-needs.service';
import { OUTREACH_ENTITIES } from './entities';
import { SavedSearchesController, UnsubscribeController } from './saved-searches/saved-searches.controller';
import { SavedSearchesService } from './saved-searches/saved-searches.service';

/**
 * The api side of outreach: technology commissioners (appointments, visits, mined needs the company
 * confirms through catalog's door) and saved searches.
 */
@Module({
  imports: [TypeOrmModule.forFeature(OUTREACH_ENTITIES), CatalogModule],
  controllers: [
    AppointmentsController,
    CommissionerController,
    MinedNeedsController,
    SavedSearchesController,
    UnsubscribeController,
  ],
  providers: [AuditLog, AppointmentsService, CommissionerWorkService, MinedNeedsService, SavedSearchesService],
})
export class OutreachModule {}
