import { Injectable } from '@nestjs/common';
import type { Caller } from '@kuaizhuan/identity';
import { ForbiddenError, NotFoundError } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';
import type { DealActor } from '../domain/deal-machine';
import type { Side } from '../domain/term-sheet';
import { Deal } from '../entities/deal.entity';

/** In which capacity a caller takes part in a deal. */
export type Capacity = Exclude<DealActor, 'system'>;

export interface DealInHand {
  deal: Deal;
  capacity: Capacity;
}

/** The caller's capacity in the deal: a TTO member of the institution, a member of the company, its manager. */
export function capacityOf(caller: Caller, deal: Deal): Capacity | null {
  if (caller.role === 'tto' && caller.orgId === deal.institutionOrgId) return 'institution';
  if (caller.role === 'enterprise' && caller.orgId === deal.companyOrgId) return 'company';
  if (caller.role === 'manager' && caller.userId === deal.managerUserId) return 'manager';
  return null;
}

/** The negotiating side a capacity speaks for (the manager speaks for neither). */
export function sideOf(capacity: Capacity): Side | null {
  return capacity === 'manager' ? null : capacity;
}

/**
 * Reads deals for a party. Every method takes the caller (organisation, user, role): a deal
 * is found only by the institution, the company or the assigned manager, and is a 404 to
 * everyone else, so another organisation cannot even learn that it exists.
 */
@Injectable()
export class DealAccess {
  async find(manager: EntityManager, caller: Caller, id: string, lock = false): Promise<DealInHand> {
    const deal = await manager.findOne(Deal, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const capacity = deal ? capacityOf(caller, deal) : null;
    if (!deal || !capacity) throw new NotFoundError(`No deal ${id}`);
    return { deal, capacity };
  }

  /** As find, and refuses (403) a party whose capacity is not among `allowed`. */
  async findAs(
    manager: EntityManager,
    caller: Caller,
    id: string,
    allowed: readonly Capacity[],
    lock = true,
  ): Promise<DealInHand> {
    const found = await this.find(manager, caller, id, lock);
    if (!allowed.includes(found.capacity)) {
      throw new ForbiddenError(`Only the ${allowed.join(' or ')} side may do this`);
    }
    return found;
  }
}
