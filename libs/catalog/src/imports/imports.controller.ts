import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { RateLimit } from '@kuaizhuan/platform';
import { memoryStorage } from 'multer';
import type { Page } from '../common/listing-workflow';
import { PageQueryDto } from '../common/page-query.dto';
import { IdParam } from '../common/params';
import { StartImportDto, TemplateQueryDto } from './import.dto';
import { ImportsService, type ImportView, type UploadedFile as Upload } from './imports.service';
import { importTemplate, MAX_IMPORT_BYTES } from './spreadsheet';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Bulk import of achievements from CSV or XLSX by a TTO: runs as a job, polled for progress. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('tto')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** The template to fill in: `format=csv` or `format=xlsx` (with a sheet explaining each column). */
  @Get('template')
  async template(@Query() query: TemplateQueryDto): Promise<StreamableFile> {
    return new StreamableFile(await importTemplate(query.format), {
      type: CONTENT_TYPES[query.format],
      disposition: `attachment; filename="kuaizhuan-achievements.${query.format}"`,
    });
  }

  /**
   * Uploads a CSV or XLSX file (field `file`, at most 20 MB) and queues its import. The
   * size and the type (by content) are checked before anything is stored; answers 202 with
   * the import to poll at GET /api/imports/{id}.
   */
  @Post()
  @RateLimit('import')
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        mode: { type: 'string', enum: ['all_or_nothing', 'keep_valid'] },
        submit: { type: 'boolean' },
      },
    },
  })
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } }),
  )
  start(
    @CurrentUser() caller: Caller,
    @UploadedFile() file: Upload | undefined,
    @Body() body: StartImportDto,
  ): Promise<ImportView> {
    return this.imports.start(caller, file, body.mode ?? 'all_or_nothing', body.submit ?? false);
  }

  /** The caller's institution's imports, newest first. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: PageQueryDto): Promise<Page<ImportView>> {
    return this.imports.list(caller, query.page, query.pageSize);
  }

  /** Progress and, once finished, the report: every bad row with its row number, column and reason. */
  @Get(':id')
  get(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<ImportView> {
    return this.imports.get(caller, id);
  }
}
