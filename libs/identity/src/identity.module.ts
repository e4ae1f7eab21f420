import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@kuaizhuan/platform';
import { AuditLog } from './audit/audit-log';
import { requestOriginMiddleware } from './audit/request-origin';
import { AccessTokens, JWT_ISSUER } from './auth/access-tokens';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { Passwords } from './auth/passwords';
import { RefreshTokens } from './auth/refresh-tokens';
import { Sessions } from './auth/sessions';
import { SignupService } from './signup/signup.service';
import { IDENTITY_ENTITIES } from './entities';
import {
  InvitationAcceptanceController,
  OrganisationInvitationsController,
} from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { AdminOrganisationsController, OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { LegalConsent } from './verification/legal-consent.entity';
import { OrganisationLicence } from './verification/organisation-licence.entity';
import {
  AdminVerificationController,
  LegalController,
  OrganisationLicenceController,
} from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

/**
 * The api side of identity: sign-up and sign-in, organisations, invitations, the audit
 * log, and the global guard that authenticates every route not marked @Public().
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...IDENTITY_ENTITIES, LegalConsent, OrganisationLicence]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.get('JWT_ACCESS_SECRET'),
        signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [
    AuthController,
    OrganisationsController,
    AdminOrganisationsController,
    OrganisationInvitationsController,
    InvitationAcceptanceController,
    LegalController,
    OrganisationLicenceController,
    AdminVerificationController,
  ],
  providers: [
    AuditLog,
    Passwords,
    AccessTokens,
    RefreshTokens,
    Sessions,
    AuthService,
    SignupService,
    OrganisationsService,
    InvitationsService,
    VerificationService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuditLog],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestOriginMiddleware).forRoutes('{*path}');
  }
}
