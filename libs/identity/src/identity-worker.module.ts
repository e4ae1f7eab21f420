import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit/audit-log';
import { DeliverJobs } from './delivery/deliver-jobs';
import { DeliverWorkerModule } from './delivery/deliver.processor';
import { IDENTITY_ENTITIES } from './entities';
import { InvitationDelivery } from './invitations/invitation-delivery';

/** The worker side of identity: the `invitation.send` job on the deliver queue. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), DeliverWorkerModule],
  providers: [InvitationDelivery, AuditLog],
  exports: [InvitationDelivery, AuditLog],
})
export class IdentityWorkerModule {
  // Registered while the application is built, before any BullMQ worker starts taking jobs.
  constructor(jobs: DeliverJobs, invitations: InvitationDelivery) {
    jobs.handle('invitation.send', (job) => invitations.send(job.data.invitationId));
  }
}
