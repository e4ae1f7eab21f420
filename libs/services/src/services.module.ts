import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@kuaizhuan/catalog';
import { NotifierModule } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { PlatformService, ServicePlatform } from './entities/service-platform.entity';
import { ServiceQuote, ServiceQuoteMessage } from './entities/service-quote.entity';
import { MaturityGaps } from './gaps/maturity-gaps';
import { PlatformsController } from './platforms/platforms.controller';
import { PlatformsService } from './platforms/platforms.service';
import { QuotesController } from './quotes/quotes.controller';
import { QuotesService } from './quotes/quotes.service';

export const SERVICE_ENTITIES = [ServicePlatform, PlatformService, ServiceQuote, ServiceQuoteMessage];

/** Maturity gaps read from the database: what other libs' responses add (the matcher's recommendations). */
@Module({
  providers: [MaturityGaps],
  exports: [MaturityGaps],
})
export class MaturityGapsModule {}

/** The api side of service platforms: listings, the operator's verification, quotes and their steps. */
@Module({
  imports: [TypeOrmModule.forFeature(SERVICE_ENTITIES), CatalogModule, NotifierModule, MaturityGapsModule],
  controllers: [PlatformsController, QuotesController],
  providers: [AuditLog, PlatformsService, QuotesService],
})
export class ServicesModule {}
