import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { Outbox } from '@kuaizhuan/platform';
import type { DataSource } from 'typeorm';
import { IncomeBook } from './books/income-book';
import { LicenceBook } from './books/licence-book';
import { EquityService } from './equity/equity.service';
import { IncomeService } from './income/income.service';
import { LicenceTerms } from './licences/licence-terms.service';
import { LicencesService } from './licences/licences.service';
import { DealNotices } from './rooms/deal-notices';
import { DealsService } from './rooms/deals.service';
import { RoomService } from './rooms/room.service';
import { DealAccess } from './steps/deal-access';
import { DealSteps } from './steps/deal-steps';
import { Idempotency } from './steps/idempotency';

/** What the api's deal endpoints call, one service per area. */
export interface DealServices {
  deals: DealsService;
  rooms: RoomService;
  licences: LicencesService;
  income: IncomeService;
  equity: EquityService;
}

/**
 * The services behind the deal endpoints, built over a DataSource without a Nest context, for
 * scripts such as the demo seed. They are the very classes DealsModule provides, wired the same
 * way (the compiler checks every constructor), so a script writes deals exactly as the api does:
 * party checks, audited transitions, schedules, reminders, income splits, idempotency keys. The
 * callers are still people of the parties: each method takes the acting user as a `Caller`.
 * Hand wiring is chosen over an application context of DealsModule because that would need the
 * platform module too (configuration, queues, a second connection pool) for a few plain classes.
 */
export function dealServices(dataSource: DataSource): DealServices {
  const audit = new AuditLog(dataSource);
  const access = new DealAccess();
  const steps = new DealSteps(audit);
  const licenceBook = new LicenceBook(steps, new Outbox());
  const incomeBook = new IncomeBook(audit);
  const idempotency = new Idempotency();
  const notices = new DealNotices(new Notifier(new Outbox()));
  return {
    deals: new DealsService(dataSource, access, steps, audit, new LicenceTerms(licenceBook), notices),
    rooms: new RoomService(dataSource, access, steps, audit, notices),
    licences: new LicencesService(dataSource, access, steps, licenceBook, incomeBook, idempotency),
    income: new IncomeService(dataSource, access, steps, incomeBook, idempotency, audit),
    equity: new EquityService(dataSource, access, steps),
  };
}
