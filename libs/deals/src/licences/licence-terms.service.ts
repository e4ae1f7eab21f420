import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';
import { LicenceBook } from '../books/licence-book';
import { addDays, chinaDate, daysBetween, morningOf } from '../domain/dates';
import { TermSheet } from '../entities/deal-room.entity';
import { Deal } from '../entities/deal.entity';
import { UfplLicence } from '../entities/licence.entity';
import type { UfplTermsInput } from './ufpl-terms';

/** Puts the accepted terms of a use-first-pay-later deal in force when the licence starts. */
@Injectable()
export class LicenceTerms {
  constructor(private readonly book: LicenceBook) {}

  /**
   * Refuses to sign use-first-pay-later terms whose free period is already over: the licensee
   * would owe from the first day, which is not the deal the two sides agreed to.
   */
  async assertSignable(manager: EntityManager, deal: Deal, now = new Date()): Promise<void> {
    const accepted = await manager.findOne(TermSheet, {
      where: { dealId: deal.id, status: 'accepted' },
      order: { version: 'DESC' },
    });
    const terms = accepted?.terms.ufpl as UfplTermsInput | undefined;
    if (terms && terms.freeUntil < chinaDate(now)) {
      throw new ConflictError(
        `The free period of the accepted terms ended on ${terms.freeUntil}; agree new terms before signing`,
        'ufpl.freeUntil',
      );
    }
  }

  async start(manager: EntityManager, deal: Deal): Promise<UfplLicence> {
    const accepted = await manager.findOne(TermSheet, {
      where: { dealId: deal.id, status: 'accepted' },
      order: { version: 'DESC' },
    });
    const terms = accepted?.terms.ufpl as UfplTermsInput | undefined;
    if (!terms) throw new InvalidInputError('The deal has no accepted use-first-pay-later terms', 'action');
    const licence = await manager.save(
      UfplLicence,
      manager.create(UfplLicence, {
        dealId: deal.id,
        freeUntil: terms.freeUntil,
        triggerKind: terms.triggerKind,
        triggerDate: terms.triggerDate ?? null,
        triggerThreshold: terms.triggerThreshold ?? null,
        paymentMode: terms.paymentMode,
        fee: terms.fee ?? null,
        instalmentCount: terms.instalmentCount ?? null,
        intervalMonths: terms.intervalMonths ?? null,
        entryFee: terms.entryFee ?? null,
        royaltyPercent: terms.royaltyPercent ?? null,
        royaltyCap: terms.royaltyCap ?? null,
        dueDays: terms.dueDays,
        graceDays: terms.graceDays,
        triggeredOn: null,
      }),
    );
    if (terms.triggerKind === 'date' && terms.triggerDate) {
      const afterFree = addDays(terms.freeUntil, 1);
      const day = daysBetween(afterFree, terms.triggerDate) < 0 ? afterFree : terms.triggerDate;
      await this.book.addReminders(manager, deal.id, [
        { instalmentId: null, kind: 'trigger_check', runAt: morningOf(day) },
      ]);
    }
    return licence;
  }
}
