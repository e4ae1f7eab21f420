import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '@kuaizhuan/identity';
import type { ImportFailureCode, RowProblem } from '../domain/import-row';

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_MODES = ['all_or_nothing', 'keep_valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A bulk import of achievements by a TTO. The uploaded file is kept here, so whichever
 * worker takes the job can read it; progress and the per-row report are written back.
 */
@Entity('catalog_import')
@Index(['orgId', 'createdAt'])
export class CatalogImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'enum', enum: IMPORT_FORMATS, enumName: 'import_format' })
  format: ImportFormat;

  @Column({ type: 'int' })
  fileSize: number;

  @Column({ type: 'varchar', length: 64 })
  fileSha256: string;

  /** The file as uploaded; not selected unless asked for. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'enum', enum: IMPORT_MODES, enumName: 'import_mode' })
  mode: ImportMode;

  /** New achievements go to the moderation queue (submitted) rather than staying drafts. */
  @Column({ type: 'boolean', default: false })
  submit: boolean;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status', default: 'queued' })
  status: ImportStatus;

  /** Data rows in the file, once read. */
  @Column({ type: 'int', nullable: true })
  totalRows: number | null;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Column({ type: 'int', default: 0 })
  createdCount: number;

  @Column({ type: 'int', default: 0 })
  updatedCount: number;

  @Column({ type: 'int', default: 0 })
  unchangedCount: number;

  @Column({ type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems: RowProblem[];

  /** Why the whole import failed (unreadable file, bad header, bad rows in all-or-nothing mode). */
  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  /** The failure as a code a reader's language can word, with its figures; `failureReason` says it in English. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  failureCode: ImportFailureCode | null;

  @Column({ type: 'jsonb', nullable: true })
  failureParams: Record<string, string | number> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
