import { AchievementsService, TaxonomyService, TaxonomyTerm } from '@kuaizhuan/catalog';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { Outbox } from '@kuaizhuan/platform';
import type { DataSource } from 'typeorm';
import { PlatformsService } from './platforms/platforms.service';
import { QuotesService } from './quotes/quotes.service';

/** What the api's service-platform endpoints call. */
export interface ServiceServices {
  platforms: PlatformsService;
  quotes: QuotesService;
}

/**
 * The services behind the service-platform endpoints, wired over a DataSource without a Nest
 * context for scripts such as the demo seed: the same classes ServicesModule provides, so a
 * script applies, verifies, lists and runs quotes exactly as the api does (checks, audit, notices).
 */
export function serviceServices(dataSource: DataSource): ServiceServices {
  const audit = new AuditLog(dataSource);
  const taxonomy = new TaxonomyService(dataSource.getRepository(TaxonomyTerm));
  const achievements = new AchievementsService(dataSource, new Outbox(), audit, taxonomy);
  return {
    platforms: new PlatformsService(dataSource, audit, taxonomy),
    quotes: new QuotesService(dataSource, audit, new Notifier(new Outbox()), achievements),
  };
}
