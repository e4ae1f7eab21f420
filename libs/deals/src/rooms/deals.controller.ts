import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { RateLimit, UuidParam, type Page } from '@kuaizhuan/platform';
import {
  AssignManagerDto,
  CompanyQueryDto,
  DealListQueryDto,
  DistributionDto,
  MessageDto,
  OpenDealDto,
  TermSheetDto,
  TransitionDto,
} from '../http/deal.dto';
import { AttachmentUpload } from './attachment-upload';
import { ContractService } from '../contract/contract.service';
import { DealsService } from './deals.service';
import type { BrokerView, CompanyView, DealSummary, DealView, DistributionView } from './deal-views';
import { RoomService, type AttachmentView, type MessageView, type TermSheetView, type Upload } from './room.service';

/**
 * Deal rooms. Each is seen only by its institution (TTO), its company and its assigned
 * manager; to anyone else it does not exist (404).
 */
@ApiTags('deals')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager')
@Controller('deals')
export class DealsController {
  constructor(
    private readonly deals: DealsService,
    private readonly room: RoomService,
    private readonly contract: ContractService,
  ) {}

  /**
   * The contract for the agreed terms: a printable page in Chinese laid out for technology-contract
   * registration (技术合同认定登记). 409 until both sides have accepted a version.
   */
  @Get(':id/contract')
  @Header('Cache-Control', 'no-store')
  async contractPage(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<StreamableFile> {
    // The type is set only on success: an error keeps the JSON error body and its type.
    return new StreamableFile(Buffer.from(await this.contract.html(caller, id)), {
      type: 'text/html; charset=utf-8',
    });
  }

  /** Opens a deal room from a connection (either side), or directly by a TTO for its own achievement. */
  @Post()
  @Roles('enterprise', 'tto')
  open(@CurrentUser() caller: Caller, @Body() body: OpenDealDto): Promise<DealView> {
    return this.deals.open(caller, body);
  }

  /** The deals the caller takes part in, newest first. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: DealListQueryDto): Promise<Page<DealSummary>> {
    return this.deals.list(caller, query);
  }

  /** The active technology managers, to assign one as a deal's broker. */
  @Get('brokers')
  @Roles('tto')
  brokers(): Promise<BrokerView[]> {
    return this.deals.brokers();
  }

  /** Verified companies by name, to open a deal with one directly (e.g. a spin-off taking equity). */
  @Get('companies')
  @Roles('tto')
  companies(@Query() query: CompanyQueryDto): Promise<CompanyView[]> {
    return this.deals.companies(query);
  }

  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<DealView> {
    return this.deals.get(caller, id);
  }

  /** The institution assigns the technology manager who brokers the deal. */
  @Post(':id/manager')
  @HttpCode(200)
  @Roles('tto')
  assignManager(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: AssignManagerDto,
  ): Promise<DealView> {
    return this.deals.assignManager(caller, id, body);
  }

  /** One step of the deal's state machine (sign, start, cancel, opt_out, terminate, …); audited. */
  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: TransitionDto): Promise<DealView> {
    return this.deals.transition(caller, id, body);
  }

  /** The research team's shares and the costs recovered first (the institution and the manager). */
  @Get(':id/distribution')
  @Roles('tto', 'manager')
  distributionView(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<DistributionView> {
    return this.deals.distribution(caller, id);
  }

  /** The research team's contribution shares (summing to 100) and the costs recovered first. */
  @Put(':id/distribution')
  @Roles('tto')
  distribution(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: DistributionDto,
  ): Promise<DealView> {
    return this.deals.setDistribution(caller, id, body);
  }

  /** The payment notice (付款通知书) of one instalment, printable, in Chinese. */
  @Get(':id/instalments/:instalmentId/invoice')
  @Header('Cache-Control', 'no-store')
  async invoice(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('instalmentId') instalmentId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.contract.invoice(caller, id, instalmentId)), {
      type: 'text/html; charset=utf-8',
    });
  }

  @Get(':id/term-sheets')
  termSheets(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<TermSheetView[]> {
    return this.room.termSheets(caller, id);
  }

  /** Offers terms, or counters the open version (which is superseded). */
  @Post(':id/term-sheets')
  @Roles('enterprise', 'tto')
  offer(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: TermSheetDto): Promise<TermSheetView> {
    return this.room.offer(caller, id, body);
  }

  /** Accepts a version for the caller's side; when both sides have, the deal is agreed. */
  @Post(':id/term-sheets/:sheetId/accept')
  @HttpCode(200)
  @Roles('enterprise', 'tto')
  accept(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('sheetId') sheetId: string,
  ): Promise<TermSheetView> {
    return this.room.respond(caller, id, sheetId, 'accept');
  }

  /** The side that offered a version withdraws it. */
  @Post(':id/term-sheets/:sheetId/withdraw')
  @HttpCode(200)
  @Roles('enterprise', 'tto')
  withdraw(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('sheetId') sheetId: string,
  ): Promise<TermSheetView> {
    return this.room.respond(caller, id, sheetId, 'withdraw');
  }

  @Get(':id/messages')
  messages(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<MessageView[]> {
    return this.room.messages(caller, id);
  }

  @Post(':id/messages')
  @RateLimit('message')
  post(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: MessageDto): Promise<MessageView> {
    return this.room.postMessage(caller, id, body);
  }

  @Get(':id/attachments')
  attachments(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<AttachmentView[]> {
    return this.room.attachments(caller, id);
  }

  /** Uploads a file (field `file`): PDF, PNG, JPEG, DOCX or XLSX, checked by content, at most 10 MB. */
  @Post(':id/attachments')
  @AttachmentUpload()
  attach(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<AttachmentView> {
    return this.room.attach(caller, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    const { row } = await this.room.download(caller, id, attachmentId);
    return new StreamableFile(row.content, {
      type: row.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    });
  }
}
