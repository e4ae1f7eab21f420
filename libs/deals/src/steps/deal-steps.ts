import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditActor } from '@kuaizhuan/identity';
import { ConflictError, ForbiddenError, InvalidInputError } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';
import { dealTransition, type DealAction, type DealActor, type DealStatus } from '../domain/deal-machine';
import { Deal } from '../entities/deal.entity';

/**
 * Moves a deal through its type's state machine, inside the caller's transaction, and records
 * every step in the audit log (with the actor; null for steps the platform takes itself).
 */
@Injectable()
export class DealSteps {
  constructor(private readonly audit: AuditLog) {}

  async take(
    manager: EntityManager,
    deal: Deal,
    action: DealAction,
    actor: DealActor,
    by: AuditActor | null,
    details: Record<string, unknown> = {},
  ): Promise<DealStatus> {
    const result = dealTransition(deal.type, deal.status, action, actor);
    if (!result.ok) {
      switch (result.reason) {
        case 'unknown_action':
          throw new InvalidInputError(result.message, 'action');
        case 'not_allowed_for_actor':
          throw new ForbiddenError(result.message);
        case 'wrong_status':
          throw new ConflictError(result.message, 'status');
      }
    }
    const from = deal.status;
    await manager.update(Deal, deal.id, { status: result.to });
    deal.status = result.to;
    await this.audit.record(manager, {
      action: 'deal.transitioned',
      actor: by,
      subject: { type: 'deal', id: deal.id },
      details: { step: action, from, to: result.to, as: actor, ...details },
    });
    return result.to;
  }
}
