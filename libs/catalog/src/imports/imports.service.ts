import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidInputError, isOoxml, NotFoundError, Outbox, uploadedName } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import type { Page } from '../common/listing-workflow';
import type { ImportFailureCode, RowProblem } from '../domain/import-row';
import type { Actor } from '../domain/vocabulary';
import { CatalogImport, type ImportMode } from '../entities/catalog-import.entity';
import { MAX_IMPORT_BYTES, sniffFormat } from './spreadsheet';

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** An import as its owner sees it: progress while it runs, the report once done. */
export interface ImportView {
  id: string;
  fileName: string;
  format: CatalogImport['format'];
  fileSize: number;
  mode: ImportMode;
  submit: boolean;
  status: CatalogImport['status'];
  totalRows: number | null;
  processedRows: number;
  /** processedRows / totalRows, 0–1 (0 until the file has been read). */
  progress: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  problems: RowProblem[];
  failureReason: string | null;
  /** The failure as a code with its figures, for a client to word (`unreadable`, `header`, `bad_rows`, …). */
  failureCode: ImportFailureCode | null;
  failureParams: Record<string, string | number> | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The api side of bulk imports: checks and stores the file, queues the job, reports progress. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Checks the upload's size and type (by content) before anything is stored, then stores
   * the file and its job in one transaction. Nothing is parsed here: the worker does that.
   */
  async start(actor: Actor, file: UploadedFile | undefined, mode: ImportMode, submit: boolean): Promise<ImportView> {
    if (!file) throw new InvalidInputError('file: attach a CSV or XLSX file in the form field "file"', 'file');
    if (file.size > MAX_IMPORT_BYTES || file.buffer.length > MAX_IMPORT_BYTES) {
      throw new InvalidInputError(`file: larger than ${MAX_IMPORT_BYTES} bytes`, 'file');
    }
    const format = sniffFormat(file.buffer, file.originalname);
    if (!format || (format === 'xlsx' && !(await isOoxml(file.buffer, 'xlsx')))) {
      throw new InvalidInputError(
        'file: not a CSV (UTF-8 text, .csv) or XLSX (Excel workbook, .xlsx) file; download the template from /api/imports/template',
        'file',
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(CatalogImport, {
          orgId: actor.orgId,
          createdBy: actor.userId,
          fileName: uploadedName(file.originalname).slice(0, 255),
          format,
          fileSize: file.buffer.length,
          fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
          mode,
          submit,
        }),
      );
      await this.outbox.publish(manager, 'catalog.import.requested', { importId: row.id });
      return row.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    const row = await this.dataSource.manager.findOneBy(CatalogImport, { id, orgId: actor.orgId });
    if (!row) throw new NotFoundError(`No import ${id}`);
    return view(row);
  }

  async list(actor: Actor, page = 1, pageSize = 20): Promise<Page<ImportView>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(CatalogImport, {
      where: { orgId: actor.orgId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(view), total, page, pageSize };
  }
}

function view(row: CatalogImport): ImportView {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    fileSize: row.fileSize,
    mode: row.mode,
    submit: row.submit,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    progress: row.totalRows ? Math.min(1, row.processedRows / row.totalRows) : row.status === 'succeeded' ? 1 : 0,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    errorCount: row.errorCount,
    problems: row.problems,
    failureReason: row.failureReason,
    failureCode: row.failureCode,
    failureParams: row.failureParams,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
