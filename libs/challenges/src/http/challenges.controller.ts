import { Body, Controller, Get, HttpCode, Post, Put, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttachmentUpload } from '@kuaizhuan/deals';
import { CurrentUser, Public, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam, type Page } from '@kuaizhuan/platform';
import { ChallengesService } from '../board/challenges.service';
import type { ChallengeView } from '../board/challenge-views';
import type { Capacity } from '../domain/challenge-access';
import { JudgingService } from '../judging/judging.service';
import { ProposalsService, type Upload } from '../proposals/proposals.service';
import type { AttachmentView, ProposalView } from '../proposals/proposal-views';
import {
  AssignChallengeManagerDto,
  AwardDto,
  BoardQueryDto,
  CreateProposalDto,
  DeclineDto,
  ExtendDto,
  NoAwardDto,
  ProposalContentDto,
  PublishChallengeDto,
  ScoresDto,
} from './challenge.dto';

/**
 * Open challenges (揭榜挂帅). The board and each challenge are public; proposals are seen only by
 * their authors, the company and the managers it assigned.
 */
@ApiTags('challenges')
@ApiBearerAuth()
@Controller('challenges')
export class ChallengesController {
  constructor(
    private readonly challenges: ChallengesService,
    private readonly proposals: ProposalsService,
    private readonly judging: JudgingService,
  ) {}

  /** Publishes a challenge: a company from its published need, the operator for a sponsored list. */
  @Post()
  @Roles('enterprise', 'admin')
  publish(@CurrentUser() caller: Caller, @Body() body: PublishChallengeDto): Promise<ChallengeView> {
    return this.challenges.publish(caller, body);
  }

  /** The public board: text, field, wanted form, phase and lowest reward; open ones first. */
  @Get()
  @Public()
  list(@Query() query: BoardQueryDto): Promise<Page<ChallengeView>> {
    return this.challenges.list(query);
  }

  @Get(':id')
  @Public()
  get(@UuidParam() id: string): Promise<ChallengeView> {
    return this.challenges.get(id);
  }

  /** The company assigns a technology manager to help judge. */
  @Post(':id/managers')
  @HttpCode(200)
  @Roles('enterprise')
  assignManager(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: AssignChallengeManagerDto,
  ): Promise<{ userIds: string[] }> {
    return this.challenges.assignManager(caller, id, body);
  }

  /** Moves the deadline once, after it passed with no proposal (409 otherwise). */
  @Post(':id/extend')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  extend(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: ExtendDto): Promise<ChallengeView> {
    return this.challenges.extend(caller, id, body);
  }

  /** The proposals the caller may see, and in which capacity (null: none of them). */
  @Get(':id/proposals')
  proposalsOf(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
  ): Promise<{ capacity: Capacity | null; items: ProposalView[] }> {
    return this.proposals.forChallenge(caller, id);
  }

  /** A TTO proposes for a research team, until the deadline (409 after it). */
  @Post(':id/proposals')
  @Roles('tto')
  propose(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: CreateProposalDto,
  ): Promise<ProposalView> {
    return this.proposals.create(caller, id, body);
  }

  /** The company picks the winner; its proposal opens a deal room with its terms. */
  @Post(':id/award')
  @HttpCode(200)
  @Roles('enterprise')
  award(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: AwardDto): Promise<ChallengeView> {
    return this.judging.award(caller, id, body);
  }

  /** The company closes the challenge with no winner; every team in the running is told. */
  @Post(':id/no-award')
  @HttpCode(200)
  @Roles('enterprise')
  noAward(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: NoAwardDto): Promise<ChallengeView> {
    return this.judging.noAward(caller, id, body);
  }
}

/** One proposal: read, revised, withdrawn, its files, and judged. */
@ApiTags('challenges')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager')
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly judging: JudgingService,
  ) {}

  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<ProposalView> {
    return this.proposals.get(caller, id);
  }

  /** A revision: the whole content again, kept as a new version (until the deadline). */
  @Put(':id')
  @Roles('tto')
  revise(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: ProposalContentDto,
  ): Promise<ProposalView> {
    return this.proposals.revise(caller, id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('tto')
  withdraw(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<ProposalView> {
    return this.proposals.withdraw(caller, id);
  }

  /** Uploads a file (field `file`): PDF, PNG, JPEG, DOCX or XLSX, checked by content, at most 10 MB. */
  @Post(':id/attachments')
  @Roles('tto')
  @AttachmentUpload()
  attach(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<AttachmentView> {
    return this.proposals.addAttachment(caller, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.proposals.attachment(caller, id, attachmentId);
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  /** Scores per criterion, 0–10 (the company or an assigned manager, after the deadline). */
  @Put(':id/scores')
  @Roles('enterprise', 'manager')
  score(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: ScoresDto): Promise<ProposalView> {
    return this.judging.score(caller, id, body);
  }

  @Post(':id/shortlist')
  @HttpCode(200)
  @Roles('enterprise', 'manager')
  shortlist(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<ProposalView> {
    return this.judging.shortlist(caller, id);
  }

  /** The company declines: a reason from the fixed list and a note, sent to the team. */
  @Post(':id/decline')
  @HttpCode(200)
  @Roles('enterprise')
  decline(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: DeclineDto): Promise<ProposalView> {
    return this.judging.decline(caller, id, body);
  }
}
