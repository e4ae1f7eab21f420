import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '../auth/caller';
import { UuidPipe } from '../http/fields';
import {
  ListOrganisationsQuery,
  OrganisationPage,
  OrganisationView,
  RejectOrganisationDto,
  UpdateOrganisationDto,
  UserView,
} from './organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Standing('any')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Your organisation (admins: any organisation). */
  @Get(':id')
  get(@CurrentUser() caller: Caller, @Param('id', UuidPipe) id: string): Promise<OrganisationView> {
    return this.organisations.get(caller, id);
  }

  /** Edits your organisation's profile: name, region, contact. */
  @Patch(':id')
  update(
    @CurrentUser() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.organisations.update(caller, id, body);
  }

  /** Members of your organisation. */
  @Get(':id/users')
  users(@CurrentUser() caller: Caller, @Param('id', UuidPipe) id: string): Promise<UserView[]> {
    return this.organisations.listUsers(caller, id);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Organisations to review, e.g. `?status=pending`, oldest first. */
  @Get()
  list(@Query() query: ListOrganisationsQuery): Promise<OrganisationPage> {
    return this.organisations.list(query);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  verify(@CurrentUser() admin: Caller, @Param('id', UuidPipe) id: string): Promise<OrganisationView> {
    return this.organisations.decide(admin, id, 'verified', null);
  }

  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  reject(
    @CurrentUser() admin: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: RejectOrganisationDto,
  ): Promise<OrganisationView> {
    return this.organisations.decide(admin, id, 'rejected', body.reason);
  }
}
