import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit/audit-log';
import { IDENTITY_ENTITIES } from './entities';
import { InvitationDelivery } from './invitations/invitation-delivery';
import { SignupDelivery } from './signup/signup-delivery';

/** The worker side of identity: the invitation and sign-up e-mails (jobs on the `deliver` queue). */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [InvitationDelivery, SignupDelivery, AuditLog],
  exports: [InvitationDelivery, AuditLog],
})
export class IdentityWorkerModule {}
