import { Injectable, Logger } from '@nestjs/common';
import { OnJob, Outbox } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import {
  duplicateReferenceProblems,
  headerKey,
  headerProblems,
  validateAchievementRow,
  type AchievementRow,
  type ImportColumn,
  type ImportFailureCode,
  type RowProblem,
} from '../domain/import-row';
import { researcherProblems, resolveResearcherRefs, type NameableResearcher } from '../domain/researcher-refs';
import { CatalogImport } from '../entities/catalog-import.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { MAX_IMPORT_ROWS, readRows, UnreadableFileError, type SheetRow } from './spreadsheet';
import { workbookRefusal } from './workbook-bounds';

/** Rows written per transaction. */
export const IMPORT_CHUNK = 1_000;

interface Existing {
  id: string;
  hash: string | null;
  status: string;
}

interface Plan {
  /** Valid rows whose content is new or changed, to write. */
  write: (AchievementRow & { researcherIds: string[] })[];
  unchanged: number;
  problems: RowProblem[];
}

/**
 * Runs one import: reads the stored file, validates every row, then upserts the good rows in
 * chunks (one transaction per chunk, keyed by the TTO's reference, unchanged rows not touched)
 * with their index events as ids. Running it again after it finished does nothing; running it
 * again after a crash converges on the same rows.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly taxonomy: TaxonomyService,
  ) {}

  @OnJob('catalog.import', ({ importId }) => [importId])
  async run(importId: string): Promise<void> {
    const job = await this.dataSource.manager.findOne(CatalogImport, {
      where: { id: importId },
      select: {
        id: true,
        orgId: true,
        createdBy: true,
        format: true,
        mode: true,
        submit: true,
        status: true,
        content: true,
      },
    });
    if (!job || job.status === 'succeeded' || job.status === 'failed') return;
    await this.dataSource.manager.update(CatalogImport, importId, {
      status: 'running',
      startedAt: new Date(),
      processedRows: 0,
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 0,
    });

    if (job.format === 'xlsx') {
      const refusal = await workbookRefusal(job.content);
      if (refusal) {
        return this.fail(importId, {
          code: 'too_large',
          reason: `the workbook was not read: ${refusal.reason}`,
          params: { detail: refusal.reason },
        });
      }
    }
    let rows: SheetRow[];
    try {
      rows = await readRows(job.content, job.format);
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        return this.fail(importId, { code: 'unreadable', reason: error.message, params: { detail: error.message } });
      }
      throw error;
    }
    const [header, ...data] = rows;
    if (!header) return this.fail(importId, { code: 'empty', reason: 'the file is empty' });
    const headerIssues = headerProblems(header.cells);
    if (headerIssues.length > 0) {
      return this.fail(
        importId,
        { code: 'header', reason: 'the header row does not match the template' },
        headerIssues,
      );
    }
    if (data.length > MAX_IMPORT_ROWS) {
      return this.fail(importId, {
        code: 'too_many_rows',
        reason: `the file has ${data.length} rows; at most ${MAX_IMPORT_ROWS} are accepted`,
        params: { rows: data.length, max: MAX_IMPORT_ROWS },
      });
    }
    await this.dataSource.manager.update(CatalogImport, importId, { totalRows: data.length });

    const plan = await this.plan(job.orgId, header.cells, data);
    if (plan.problems.length > 0 && job.mode === 'all_or_nothing') {
      const rows = countRows(plan.problems);
      return this.fail(
        importId,
        { code: 'bad_rows', reason: `${rows} row(s) have problems; nothing was stored`, params: { rows } },
        plan.problems,
      );
    }

    let processed = plan.unchanged + countRows(plan.problems);
    await this.dataSource.manager.update(CatalogImport, importId, {
      processedRows: processed,
      unchangedCount: plan.unchanged,
    });
    for (let i = 0; i < plan.write.length; i += IMPORT_CHUNK) {
      const chunk = plan.write.slice(i, i + IMPORT_CHUNK);
      await this.dataSource.transaction(async (manager) => {
        const { created, updated } = await this.writeChunk(manager, job, chunk);
        processed += chunk.length;
        await manager.query(
          `UPDATE catalog_import SET processed_rows = $2, created_count = created_count + $3,
                  updated_count = updated_count + $4, unchanged_count = unchanged_count + $5 WHERE id = $1`,
          [importId, processed, created, updated, chunk.length - created - updated],
        );
      });
    }
    await this.dataSource.manager.update(CatalogImport, importId, {
      status: 'succeeded',
      finishedAt: new Date(),
      processedRows: data.length,
      problems: plan.problems,
      errorCount: countRows(plan.problems),
    });
    this.logger.log({ msg: 'import finished', importId, rows: data.length, problems: plan.problems.length });
  }

  /** Validates every row and decides which ones to write; pure checks first, then lookups. */
  private async plan(orgId: string, header: string[], data: SheetRow[]): Promise<Plan> {
    const resolve = await this.taxonomy.resolver();
    const keys = header.map(headerKey);
    const problems: RowProblem[] = [];
    let valid: AchievementRow[] = [];
    for (const { row, cells } of data) {
      const byColumn: Partial<Record<ImportColumn, string>> = {};
      keys.forEach((key, index) => {
        if (key) byColumn[key] = cells[index] ?? '';
      });
      const result = validateAchievementRow(row, byColumn, resolve);
      if (result.ok) valid.push(result.value);
      else problems.push(...result.problems);
    }
    const duplicates = duplicateReferenceProblems(valid);
    problems.push(...duplicates);
    const duplicateRows = new Set(duplicates.map((p) => p.row));
    valid = valid.filter((row) => !duplicateRows.has(row.row));

    const researchers = await this.researchersNamed(
      orgId,
      valid.flatMap((row) => row.researcherRefs),
    );
    const existing = await this.existing(
      orgId,
      valid.map((row) => row.reference),
    );
    const write: Plan['write'] = [];
    let unchanged = 0;
    for (const row of valid) {
      const named = resolveResearcherRefs(row.researcherRefs, researchers);
      if (!named.ok) {
        problems.push(...researcherProblems(row.row, named));
        continue;
      }
      const current = existing.get(row.reference);
      if (current?.hash === row.hash) {
        unchanged += 1;
        continue;
      }
      if (current && current.status !== 'draft') {
        problems.push({
          row: row.row,
          column: 'reference',
          reason: `achievement ${row.reference} is ${current.status}; withdraw it to draft before importing changes`,
          code: 'not_draft',
          params: { reference: row.reference, status: current.status },
        });
        continue;
      }
      write.push({ ...row, researcherIds: named.ids });
    }
    problems.sort((a, b) => a.row - b.row);
    return { write, unchanged, problems };
  }

  /** Upserts one chunk keyed by (org, reference), links researchers, announces the ids. */
  private async writeChunk(
    manager: EntityManager,
    job: Pick<CatalogImport, 'id' | 'orgId' | 'createdBy' | 'submit'>,
    chunk: Plan['write'],
  ): Promise<{ created: number; updated: number }> {
    const records = chunk.map((row) => ({
      external_ref: row.reference,
      source_hash: row.hash,
      title: row.title,
      summary: row.summary,
      application_scenarios: row.applicationScenarios,
      advantages: row.advantages,
      keywords: row.keywords,
      field_codes: row.fieldCodes,
      ip_type: row.ipType,
      patent_numbers: row.patentNumbers,
      legal_status: row.legalStatus,
      trl: row.trl,
      maturity_stage: row.maturityStage,
      transfer_modes: row.transferModes,
      price_min: row.priceMin,
      price_max: row.priceMax,
      institution_name: row.institutionName,
      separate_ledger: row.separateLedger,
      internal_notes: row.internalNotes,
    }));
    // Only drafts whose content changed are updated: the plan checked both, the WHERE re-checks under the lock.
    const written: { id: string; external_ref: string; inserted: boolean }[] = await manager.query(
      `INSERT INTO achievement (org_id, created_by, import_id, status, submitted_at, external_ref, source_hash, title, summary,
              application_scenarios, advantages, keywords, field_codes, ip_type, patent_numbers, legal_status, trl,
              maturity_stage, transfer_modes, price_min, price_max, institution_name, separate_ledger, internal_notes)
       SELECT $2, $3, $1, $4::listing_status, CASE WHEN $4 = 'submitted' THEN now() END, r.external_ref, r.source_hash,
              r.title, r.summary, r.application_scenarios, r.advantages, r.keywords, r.field_codes, r.ip_type,
              r.patent_numbers, r.legal_status, r.trl, r.maturity_stage, r.transfer_modes, r.price_min, r.price_max,
              r.institution_name, r.separate_ledger, r.internal_notes
         FROM jsonb_to_recordset($5::jsonb) AS r(external_ref text, source_hash text, title text, summary text,
              application_scenarios text, advantages text, keywords text[], field_codes varchar[], ip_type text,
              patent_numbers varchar[], legal_status legal_status, trl smallint, maturity_stage text,
              transfer_modes cooperation_mode[], price_min numeric, price_max numeric, institution_name text,
              separate_ledger boolean, internal_notes text)
       ON CONFLICT (org_id, external_ref) DO UPDATE SET
              import_id = EXCLUDED.import_id, source_hash = EXCLUDED.source_hash, title = EXCLUDED.title,
              summary = EXCLUDED.summary, application_scenarios = EXCLUDED.application_scenarios,
              advantages = EXCLUDED.advantages, keywords = EXCLUDED.keywords, field_codes = EXCLUDED.field_codes,
              ip_type = EXCLUDED.ip_type, patent_numbers = EXCLUDED.patent_numbers, legal_status = EXCLUDED.legal_status,
              trl = EXCLUDED.trl, maturity_stage = EXCLUDED.maturity_stage, transfer_modes = EXCLUDED.transfer_modes,
              price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max, institution_name = EXCLUDED.institution_name,
              separate_ledger = EXCLUDED.separate_ledger, internal_notes = EXCLUDED.internal_notes, updated_at = now()
        WHERE achievement.status = 'draft' AND achievement.source_hash IS DISTINCT FROM EXCLUDED.source_hash
       RETURNING id, external_ref, (xmax = 0) AS inserted`,
      [job.id, job.orgId, job.createdBy, job.submit ? 'submitted' : 'draft', JSON.stringify(records)],
    );
    if (written.length === 0) return { created: 0, updated: 0 };
    const ids = written.map((row) => row.id);
    const byRef = new Map(chunk.map((row) => [row.reference, row.researcherIds]));
    const links = written.flatMap((row) =>
      (byRef.get(row.external_ref) ?? []).map((researcherId, position) => ({
        a: row.id,
        r: researcherId,
        p: position,
      })),
    );
    await manager.query(`DELETE FROM achievement_researcher WHERE achievement_id = ANY($1)`, [ids]);
    if (links.length > 0) {
      await manager.query(
        `INSERT INTO achievement_researcher (achievement_id, researcher_id, position)
         SELECT a, r, p FROM jsonb_to_recordset($1::jsonb) AS x(a uuid, r uuid, p smallint)`,
        [JSON.stringify(links)],
      );
    }
    await this.outbox.publish(manager, 'achievement.changed', { kind: 'achievement', ids });
    const created = written.filter((row) => row.inserted).length;
    return { created, updated: written.length - created };
  }

  /** The institution's researchers an entry of the `researchers` column may name (by reference, e-mail or name). */
  private async researchersNamed(orgId: string, refs: string[]): Promise<NameableResearcher[]> {
    if (refs.length === 0) return [];
    const unique = [...new Set(refs)];
    return this.dataSource.query(
      `SELECT id, external_ref AS "externalRef", email, name FROM researcher
        WHERE org_id = $1 AND (external_ref = ANY($2) OR lower(email) = ANY($3) OR name = ANY($2))`,
      [orgId, unique, unique.map((ref) => ref.toLowerCase())],
    );
  }

  private async existing(orgId: string, refs: string[]): Promise<Map<string, Existing>> {
    const rows: { id: string; external_ref: string; source_hash: string | null; status: string }[] =
      await this.dataSource.query(
        `SELECT id, external_ref, source_hash, status FROM achievement WHERE org_id = $1 AND external_ref = ANY($2)`,
        [orgId, refs],
      );
    return new Map(rows.map((row) => [row.external_ref, { id: row.id, hash: row.source_hash, status: row.status }]));
  }

  /** Marks an import that will not be retried again as failed (chunks already written stay: re-import to finish). */
  async giveUp(importId: string, detail: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE catalog_import
          SET status = 'failed', failure_reason = $2, failure_code = 'gave_up',
              failure_params = jsonb_build_object('detail', $3::text), finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [importId, `the import could not finish: ${detail}`.slice(0, 2000), detail.slice(0, 500)],
    );
  }

  /** Records a finished, failed import with its report; stores no achievement. */
  private async fail(importId: string, failure: ImportFailure, problems: RowProblem[] = []): Promise<void> {
    await this.dataSource.manager.update(CatalogImport, importId, {
      status: 'failed',
      failureReason: failure.reason,
      failureCode: failure.code,
      failureParams: failure.params ?? null,
      problems,
      errorCount: countRows(problems),
      finishedAt: new Date(),
    });
  }
}

/** Why an import failed: a code with its figures, and the same in English. */
interface ImportFailure {
  code: ImportFailureCode;
  reason: string;
  params?: Record<string, string | number>;
}

function countRows(problems: RowProblem[]): number {
  return new Set(problems.map((p) => p.row)).size;
}
