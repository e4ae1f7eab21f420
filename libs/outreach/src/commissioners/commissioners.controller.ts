import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import { AppointmentsService, type AppointmentView, type CandidateView } from './appointments.service';
import {
  AppointCommissionerDto,
  CandidateQueryDto,
  DraftMinedNeedDto,
  EditMinedNeedDto,
  RecordVisitDto,
} from './commissioner.dto';
import { CommissionerWorkService, type VisitView } from './commissioner-work.service';
import type { DraftView } from './draft-view';
import { MinedNeedsService, type CompanyDraftView } from './mined-needs.service';

/** The operator appoints technology commissioners (科技特派员) to companies. */
@ApiTags('commissioners')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/commissioners')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  /** Appoints a researcher as commissioner to a company for a period. */
  @Post()
  appoint(@CurrentUser() caller: Caller, @Body() body: AppointCommissionerDto): Promise<AppointmentView> {
    return this.appointments.appoint(caller, body);
  }

  /** Every appointment, newest first, with its visits and confirmed needs counted. */
  @Get()
  list(): Promise<AppointmentView[]> {
    return this.appointments.list();
  }

  /** Researchers who may be appointed: of verified universities and institutes, with an account. */
  @Get('candidates')
  candidates(@Query() query: CandidateQueryDto): Promise<CandidateView[]> {
    return this.appointments.candidates(query);
  }
}

/** A commissioner's own work: appointments, visits and needs drafted for companies. */
@ApiTags('commissioners')
@ApiBearerAuth()
@Roles('tto')
@Controller('commissioner')
export class CommissionerController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly work: CommissionerWorkService,
  ) {}

  /** The caller's appointments (empty for someone never appointed). */
  @Get('appointments')
  mine(@CurrentUser() caller: Caller): Promise<AppointmentView[]> {
    return this.appointments.mine(caller);
  }

  /** Records a visit to a company the caller is appointed to today. */
  @Post('visits')
  recordVisit(@CurrentUser() caller: Caller, @Body() body: RecordVisitDto): Promise<VisitView> {
    return this.work.recordVisit(caller, body);
  }

  @Get('visits')
  visits(@CurrentUser() caller: Caller): Promise<VisitView[]> {
    return this.work.visits(caller);
  }

  /** Drafts a need on the company's behalf; the company edits and confirms it. */
  @Post('drafts')
  draft(@CurrentUser() caller: Caller, @Body() body: DraftMinedNeedDto): Promise<DraftView> {
    return this.work.draft(caller, body);
  }

  @Get('drafts')
  drafts(@CurrentUser() caller: Caller): Promise<DraftView[]> {
    return this.work.drafts(caller);
  }
}

/** A company's needs drafted by its commissioners, waiting for it to confirm them. */
@ApiTags('commissioners')
@ApiBearerAuth()
@Roles('enterprise')
@Controller('mined-needs')
export class MinedNeedsController {
  constructor(private readonly mined: MinedNeedsService) {}

  @Get()
  list(@CurrentUser() caller: Caller): Promise<CompanyDraftView[]> {
    return this.mined.list(caller);
  }

  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<CompanyDraftView> {
    return this.mined.get(caller, id);
  }

  /** Replaces the draft's need with the company's own wording. */
  @Put(':id')
  edit(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: EditMinedNeedDto,
  ): Promise<CompanyDraftView> {
    return this.mined.edit(caller, id, body);
  }

  /** Confirms the draft: it becomes the company's need, mined by the commissioner, sent to moderation. */
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<CompanyDraftView> {
    return this.mined.confirm(caller, id);
  }
}
