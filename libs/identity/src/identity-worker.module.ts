import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit/audit-log';
import { DeliverJobs } from './delivery/deliver-jobs';
import { DeliverWorkerModule } from './delivery/deliver.processor';
import { IDENTITY_ENTITIES } from './entities';
import { InvitationDelivery } from './invitations/invitation-delivery';
import { SignupDelivery } from './signup/signup-delivery';

/** The worker side of identity: the invitation and sign-up e-mails on the deliver queue. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), DeliverWorkerModule],
  providers: [InvitationDelivery, SignupDelivery, AuditLog],
  exports: [InvitationDelivery, AuditLog],
})
export class IdentityWorkerModule {
  // Registered while the application is built, before any BullMQ worker starts taking jobs.
  constructor(jobs: DeliverJobs, invitations: InvitationDelivery, signups: SignupDelivery) {
    jobs.handle('invitation.send', (job) => invitations.send(job.data.invitationId));
    jobs.handle('signup.confirm', (job) => signups.confirm(job.data.userId));
    jobs.handle('signup.notice', (job) => signups.notice(job.data.userId));
  }
}
