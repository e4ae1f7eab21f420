import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RateLimit } from '@kuaizhuan/platform';
import { AuthResult } from '../auth/auth.dto';
import { CurrentUser, type Caller } from '../auth/caller';
import { UuidPipe } from '../http/fields';
import { AcceptInvitationDto, CreateInvitationDto, InvitationView } from './invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('organisations/:id/invitations')
export class OrganisationInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Invites someone into your (verified) organisation; the e-mail is sent by the worker. */
  @Post()
  @RateLimit('invite')
  create(
    @CurrentUser() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateInvitationDto,
  ): Promise<InvitationView> {
    return this.invitations.create(caller, id, body);
  }

  /** Invitations of your organisation, newest first. */
  @Get()
  list(@CurrentUser() caller: Caller, @Param('id', UuidPipe) id: string): Promise<InvitationView[]> {
    return this.invitations.list(caller, id);
  }

  /** Revokes an invitation that has not been accepted. */
  @Delete(':invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(
    @CurrentUser() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Param('invitationId', UuidPipe) invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(caller, id, invitationId);
  }
}

@ApiTags('invitations')
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Accepts an invitation with the token from its e-mail: creates the user and signs them in. */
  @Public()
  @RateLimit('accept-invitation')
  @Post('accept')
  accept(@Body() body: AcceptInvitationDto): Promise<AuthResult> {
    return this.invitations.accept(body);
  }
}
