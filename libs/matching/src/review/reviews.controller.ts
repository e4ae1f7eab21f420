import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import type { Page } from '@kuaizhuan/platform';
import { UuidParam } from '../http/common';
import { AnnotateDto, ApproveDto, BulkApproveDto, ReassignDto, RejectDto, ReviewQueryDto } from './review.dto';
import { ReviewsService, type BulkApproveResult, type ReviewItem, type Workload } from './reviews.service';

/** The technology managers' review queue (技术经理人审核): admins see and decide everything. */
@ApiTags('reviews')
@ApiBearerAuth()
@Roles('manager', 'admin')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** The queue: pending reviews by default, soonest due first; each shows need and achievement side by side. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: ReviewQueryDto): Promise<Page<ReviewItem>> {
    return this.reviews.list(caller, query);
  }

  /** Open and overdue reviews per technology manager, and those nobody is assigned. */
  @Get('workload')
  workload(): Promise<Workload> {
    return this.reviews.workload();
  }

  /** Approves several reviews; each id is approved or refused on its own (see `results`). */
  @Post('bulk-approve')
  @HttpCode(200)
  bulkApprove(@CurrentUser() caller: Caller, @Body() body: BulkApproveDto): Promise<BulkApproveResult> {
    return this.reviews.bulkApprove(caller, body.ids, body.note ?? null);
  }

  /** One review. */
  @Get(':id')
  get(@UuidParam() id: string): Promise<ReviewItem> {
    return this.reviews.get(id);
  }

  /** Approves the match: it is pushed to the company and the TTO. */
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: ApproveDto): Promise<ReviewItem> {
    return this.reviews.approve(caller, id, body.note ?? null);
  }

  /** Rejects the match with a reason; nothing is pushed. */
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: RejectDto): Promise<ReviewItem> {
    return this.reviews.reject(caller, id, body.reason, body.note ?? null);
  }

  /** Adds a note to the review. */
  @Post(':id/annotations')
  @HttpCode(201)
  annotate(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: AnnotateDto): Promise<ReviewItem> {
    return this.reviews.annotate(caller, id, body.text);
  }

  /** Hands the review to another active technology manager. */
  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: ReassignDto): Promise<ReviewItem> {
    return this.reviews.reassign(caller, id, body.managerId);
  }
}
