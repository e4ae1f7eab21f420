import { Injectable, Module } from '@nestjs/common';
import { Notifier, NotifierModule } from '@kuaizhuan/delivery';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { Outbox } from '@kuaizhuan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DealsCoreModule } from '../deals-core.module';
import { Deal } from '../entities/deal.entity';
import { TermSheet } from '../entities/deal-room.entity';
import { DealNotices, openedNotice } from './deal-notices';

/** A deal room another part of the platform opens with terms already put forward by the institution. */
export interface DealWithTermsInput {
  type: 'licence' | 'transfer' | 'joint_development';
  title: string;
  companyOrgId: string;
  institutionOrgId: string;
  achievementId: string;
  needId: string | null;
  /** The institution's user whose terms these are: the first version is theirs. */
  offeredBy: string;
  /** The first term sheet: a summary and a price (decimal string), plus any facts to keep with it. */
  terms: { summary: string; price: string } & Record<string, unknown>;
  /** Where the deal came from, kept in the audit entry (e.g. the challenge and proposal). */
  origin: Record<string, string>;
}

/**
 * Opens a deal room, inside the caller's transaction, whose first term sheet is the institution's
 * offer — for the company to accept or counter as in any deal room. The company is the actor
 * (it chose the offer); the step is audited as every opening and offer is.
 */
@Injectable()
export class DealOpenings {
  constructor(
    private readonly audit: AuditLog,
    private readonly notices: DealNotices,
  ) {}

  async openWithTerms(
    manager: EntityManager,
    actor: Caller,
    input: DealWithTermsInput,
  ): Promise<{ dealId: string; termSheetId: string }> {
    const deal = await manager.save(
      Deal,
      manager.create(Deal, {
        type: input.type,
        title: input.title.slice(0, 200),
        licenceScope: input.type === 'licence' ? 'non_exclusive' : null,
        companyOrgId: input.companyOrgId,
        institutionOrgId: input.institutionOrgId,
        achievementId: input.achievementId,
        needId: input.needId,
        connectionId: null,
        createdBy: actor.userId,
      }),
    );
    await this.audit.record(manager, {
      action: 'deal.opened',
      actor,
      subject: { type: 'deal', id: deal.id },
      details: { type: deal.type, connectionId: null, ...input.origin },
    });
    const sheet = await manager.save(
      TermSheet,
      manager.create(TermSheet, {
        dealId: deal.id,
        version: 1,
        proposedBy: 'institution',
        proposedByUser: input.offeredBy,
        status: 'open',
        terms: JSON.parse(JSON.stringify(input.terms)) as Record<string, unknown>,
      }),
    );
    await this.audit.record(manager, {
      action: 'deal.terms_offered',
      actor,
      subject: { type: 'deal', id: deal.id },
      details: { version: 1, termSheetId: sheet.id, ...input.origin },
    });
    await this.notices.send(manager, openedNotice(deal, 'company'));
    return { dealId: deal.id, termSheetId: sheet.id };
  }
}

/** DealOpenings for other libs: import this module, inject DealOpenings. */
@Module({
  imports: [DealsCoreModule, NotifierModule],
  providers: [DealOpenings, DealNotices],
  exports: [DealOpenings],
})
export class DealOpeningsModule {}

/** DealOpenings built over a DataSource without a Nest context, for scripts such as the demo seed. */
export function dealOpenings(dataSource: DataSource): DealOpenings {
  return new DealOpenings(new AuditLog(dataSource), new DealNotices(new Notifier(new Outbox())));
}
