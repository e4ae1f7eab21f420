import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import writeXlsxFile from 'write-excel-file/node';
import { IMPORT_COLUMNS } from '@kuaizhuan/catalog';
import { headerKey } from '../src/domain/import-row';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { ImportRunner } from '../src/imports/import-runner';
import { ImportProcessor } from '../src/imports/import.processor';
import { readRows } from '../src/imports/spreadsheet';
import { as, createAccounts, type Accounts } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  await request(http)
    .post('/api/researchers')
    .set(as(accounts.tto))
    .send({ name: '张伟', externalRef: 'R-1' })
    .expect(201);
});

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

const HEADER = [
  'reference',
  'title',
  'summary',
  'fields',
  'transfer_modes',
  'ip_type',
  'legal_status',
  'trl',
  'maturity_stage',
  'price_min',
  'price_max',
  'separate_ledger',
  'keywords',
  'researchers',
];

function goodRow(i: number): string[] {
  return [
    `REF-${i}`,
    `镁合金轧制技术 ${i}`,
    `第 ${i} 项成果的简介`,
    'light-alloy;先进材料',
    '转让;licence',
    '发明专利',
    'granted',
    '6',
    '中试',
    '100000',
    '200000.50',
    '否',
    '镁合金',
    i % 100 === 0 ? 'R-1' : '',
  ];
}

/** The ten bad rows of the big file: row number (header = row 1) → the cell made bad, and the report expected. */
const BAD: { row: number; column: string; value: string; reason: string; code: string }[] = [
  { row: 11, column: 'title', value: '', reason: 'title is required', code: 'required' },
  { row: 1001, column: 'trl', value: '12', reason: 'trl must be a whole number from 1 to 9', code: 'trl' },
  {
    row: 2002,
    column: 'price_min',
    value: '300000',
    reason: 'price_min must not be greater than price_max',
    code: 'price_range',
  },
  { row: 3003, column: 'fields', value: '火星农业', reason: 'unknown field "火星农业"', code: 'unknown_field' },
  {
    row: 4004,
    column: 'transfer_modes',
    value: 'barter',
    reason: 'unknown transfer mode "barter"',
    code: 'unknown_transfer_mode',
  },
  {
    row: 5005,
    column: 'legal_status',
    value: 'pending',
    reason: 'legal_status must be one of filed, granted, lapsed, not_applicable',
    code: 'legal_status',
  },
  {
    row: 6006,
    column: 'price_max',
    value: '12.345',
    reason: 'price_max must be an amount in yuan with at most 2 decimals',
    code: 'amount',
  },
  {
    row: 7007,
    column: 'reference',
    value: 'REF-2',
    reason: 'reference "REF-2" is already used in row 3',
    code: 'duplicate_reference',
  },
  { row: 8008, column: 'separate_ledger', value: 'maybe', reason: 'separate_ledger must be yes or no', code: 'yes_no' },
  {
    row: 9009,
    column: 'researchers',
    value: 'R-404',
    reason: 'no researcher with reference, e-mail or name R-404',
    code: 'unknown_researcher',
  },
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function bigCsv(): Buffer {
  const lines = [HEADER.join(',')];
  for (let row = 2; row <= 10_001; row += 1) {
    const cells = goodRow(row - 1);
    const bad = BAD.find((b) => b.row === row);
    if (bad) cells[HEADER.indexOf(bad.column)] = bad.value;
    lines.push(cells.map(csvCell).join(','));
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

async function upload(file: Buffer, name: string, fields: Record<string, string> = {}): Promise<request.Response> {
  let call = request(http).post('/api/imports').set(as(accounts.tto)).attach('file', file, name);
  for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
  return call;
}

async function finished(id: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const response = await request(http).get(`/api/imports/${id}`).set(as(accounts.tto)).expect(200);
      return response.body.status === 'succeeded' || response.body.status === 'failed' ? response.body : undefined;
    },
    timeoutMs,
    `import ${id} to finish`,
  );
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) AS q`, params);
  return n as number;
}

describe(ImportRunner.name, () => {
  describe('run', () => {
    it('stores the 9,990 good rows of a 10,000-row CSV, reports the 10 bad ones exactly, indexes them, and a second import changes nothing', async () => {
      const file = bigCsv();
      const started = await upload(file, 'achievements.csv', { mode: 'keep_valid' });
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'queued', format: 'csv', mode: 'keep_valid' });

      const report = await finished(started.body.id);
      expect(report).toMatchObject({
        status: 'succeeded',
        totalRows: 10_000,
        processedRows: 10_000,
        progress: 1,
        createdCount: 9_990,
        updatedCount: 0,
        errorCount: 10,
      });
      expect(report.problems).toEqual(
        BAD.map(({ row, column, reason, code }) => expect.objectContaining({ row, column, reason, code })),
      );
      await expect(count(`SELECT 1 FROM achievement WHERE org_id = $1`, [accounts.tto.orgId])).resolves.toBe(9_990);
      await expect(
        count(
          `SELECT 1 FROM achievement_researcher ar JOIN achievement a ON a.id = ar.achievement_id WHERE a.org_id = $1`,
          [accounts.tto.orgId],
        ),
      ).resolves.toBe(99);

      // Indexed through the outbox: the owner finds all of them in its own search.
      await eventually(
        async () => {
          const hits = await request(http).get('/api/search?scope=mine&pageSize=1').set(as(accounts.tto)).expect(200);
          return hits.body.total === 9_990 || undefined;
        },
        60_000,
        'the imported achievements to be indexed',
      );

      const [before] = await dataSource.query(
        `SELECT max(updated_at) AS last, (SELECT count(*)::int FROM outbox) AS events FROM achievement`,
      );
      const again = await upload(file, 'achievements.csv', { mode: 'keep_valid' });
      const second = await finished(again.body.id);
      expect(second).toMatchObject({
        status: 'succeeded',
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 9_990,
        errorCount: 10,
      });
      const [after] = await dataSource.query(
        `SELECT max(updated_at) AS last, (SELECT count(*)::int FROM outbox) AS events FROM achievement`,
      );
      expect(after.last).toEqual(before.last);
      // The only new outbox row is the second import's own job.
      expect(after.events).toBe(before.events + 1);
    }, 180_000);

    it('stores nothing from a file with a bad row unless asked to keep the good rows', async () => {
      const csv = [
        HEADER.join(','),
        goodRow(50_001).join(','),
        [...goodRow(50_002).slice(0, 7), '0', ...goodRow(50_002).slice(8)].join(','),
      ].join('\n');
      const started = await upload(Buffer.from(csv), 'two.csv');
      const report = await finished(started.body.id);
      expect(report).toMatchObject({
        status: 'failed',
        mode: 'all_or_nothing',
        errorCount: 1,
        failureReason: '1 row(s) have problems; nothing was stored',
        failureCode: 'bad_rows',
        failureParams: { rows: 1 },
        problems: [
          {
            row: 3,
            column: 'trl',
            reason: 'trl must be a whole number from 1 to 9',
            code: 'trl',
            params: { min: 1, max: 9 },
          },
        ],
      });
      await expect(count(`SELECT 1 FROM achievement WHERE external_ref IN ('REF-50001', 'REF-50002')`)).resolves.toBe(
        0,
      );
    });

    it('names researchers by name or e-mail within the institution, reporting an ambiguous or unknown name per row', async () => {
      for (const person of [
        { name: '何建国', email: 'he.jianguo@cqu.example' },
        { name: '王芳', email: 'wang.fang1@cqu.example' },
        { name: '王芳', email: 'wang.fang2@cqu.example' },
      ]) {
        await request(http).post('/api/researchers').set(as(accounts.tto)).send(person).expect(201);
      }
      // Another institution's researcher of the same name is never reached.
      await request(http).post('/api/researchers').set(as(accounts.otherTto)).send({ name: '李雷' }).expect(201);
      const row = (i: number, researchers: string) => {
        const cells = goodRow(i);
        cells[HEADER.indexOf('researchers')] = researchers;
        return cells.map(csvCell).join(',');
      };
      const csv = [
        HEADER.join(','),
        row(70_001, '何建国;WANG.FANG2@cqu.example;R-1'),
        row(70_002, '王芳'),
        row(70_003, '李雷'),
      ].join('\n');
      const report = await finished((await upload(Buffer.from(csv), 'team.csv', { mode: 'keep_valid' })).body.id);
      expect(report).toMatchObject({ status: 'succeeded', createdCount: 1, errorCount: 2 });
      expect(report.problems).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'researchers',
          code: 'ambiguous_researcher',
          params: { name: '王芳', count: 2 },
        }),
        expect.objectContaining({
          row: 4,
          column: 'researchers',
          code: 'unknown_researcher',
          params: { references: '李雷' },
        }),
      ]);
      const team: { name: string; email: string | null }[] = await dataSource.query(
        `SELECT r.name, r.email FROM achievement_researcher ar JOIN researcher r ON r.id = ar.researcher_id
           JOIN achievement a ON a.id = ar.achievement_id WHERE a.external_ref = 'REF-70001' ORDER BY ar.position`,
      );
      expect(team).toEqual([
        { name: '何建国', email: 'he.jianguo@cqu.example' },
        { name: '王芳', email: 'wang.fang2@cqu.example' },
        { name: '张伟', email: null },
      ]);
    });

    it('updates a changed draft in place, keyed by the reference', async () => {
      const header = HEADER.join(',');
      const first = await upload(Buffer.from(`${header}\n${goodRow(60_001).join(',')}\n`), '2026年成果.csv');
      // The report names the file as the TTO named it, Chinese included.
      await expect(finished(first.body.id)).resolves.toMatchObject({
        status: 'succeeded',
        createdCount: 1,
        fileName: '2026年成果.csv',
      });
      const changed = goodRow(60_001);
      changed[1] = '改进后的名称';
      const second = await upload(Buffer.from(`${header}\n${changed.join(',')}\n`), 'one.csv');
      await expect(finished(second.body.id)).resolves.toMatchObject({
        status: 'succeeded',
        createdCount: 0,
        updatedCount: 1,
      });
      const rows = await dataSource.query(`SELECT title FROM achievement WHERE external_ref = 'REF-60001'`);
      expect(rows).toEqual([{ title: '改进后的名称' }]);
    });

    it('reports a header that does not match the template', async () => {
      const started = await upload(Buffer.from('reference,title,colour\nA,B,C\n'), 'odd.csv');
      const report = await finished(started.body.id);
      expect(report).toMatchObject({
        status: 'failed',
        failureReason: 'the header row does not match the template',
        failureCode: 'header',
        failureParams: null,
      });
      expect(report.problems).toEqual(
        expect.arrayContaining([
          { row: 1, column: 'colour', reason: 'unknown column "colour"', code: 'unknown_column' },
          { row: 1, column: 'summary', reason: 'required column summary is missing', code: 'missing_column' },
        ]),
      );
    });

    it('imports an XLSX workbook with Chinese column labels and numeric cells', async () => {
      const labels = ['reference', 'title', 'summary', 'fields', 'transfer_modes', 'trl', 'price_min', 'price_max'].map(
        (key) => IMPORT_COLUMNS.find((column) => column.key === key)!.label,
      );
      const workbook = await writeXlsxFile([
        labels,
        ['XL-1', '智能网联汽车感知融合算法', '多传感器融合', '智能网联新能源汽车', '许可', 7, 50000, 80000.5],
        ['XL-2', '中药材有效成分提取工艺', '超临界萃取', 'modern-tcm', 'transfer;先使用后付费', 5, null, null],
      ]).toBuffer();
      const started = await upload(workbook, 'achievements.xlsx', { submit: 'true' });
      expect(started.body.format).toBe('xlsx');
      await expect(finished(started.body.id)).resolves.toMatchObject({
        status: 'succeeded',
        createdCount: 2,
        errorCount: 0,
      });
      const rows = await dataSource.query(
        `SELECT external_ref, status, trl, price_max, transfer_modes::text[] AS modes FROM achievement
          WHERE external_ref IN ('XL-1', 'XL-2') ORDER BY external_ref`,
      );
      expect(rows).toEqual([
        { external_ref: 'XL-1', status: 'submitted', trl: 7, price_max: '80000.50', modes: ['licence'] },
        {
          external_ref: 'XL-2',
          status: 'submitted',
          trl: 5,
          price_max: null,
          modes: ['transfer', 'use_first_pay_later'],
        },
      ]);
    });
  });
});

describe(ImportProcessor.name, () => {
  describe('onFailed', () => {
    it('marks the import failed once its job has used its last attempt, not before', async () => {
      const [{ id }] = await dataSource.query(
        `INSERT INTO catalog_import (org_id, created_by, file_name, format, file_size, file_sha256, content, mode, status)
         VALUES ($1, $2, 'stuck.csv', 'csv', 1, 'x', '\\x41', 'all_or_nothing', 'running') RETURNING id`,
        [accounts.tto.orgId, accounts.tto.userId],
      );
      const processor = worker.get(ImportProcessor);
      const job = (attemptsMade: number) =>
        ({ name: 'catalog.import', data: { importId: id }, attemptsMade, opts: { attempts: 3 } }) as unknown as Job<{
          importId: string;
        }>;
      await processor.onFailed(job(1), new Error('database unreachable'));
      await expect(dataSource.query(`SELECT status FROM catalog_import WHERE id = $1`, [id])).resolves.toEqual([
        { status: 'running' },
      ]);
      await processor.onFailed(job(3), new Error('database unreachable'));
      await expect(
        dataSource.query(
          `SELECT status, failure_reason, failure_code, failure_params FROM catalog_import WHERE id = $1`,
          [id],
        ),
      ).resolves.toEqual([
        {
          status: 'failed',
          failure_reason: 'the import could not finish: database unreachable',
          failure_code: 'gave_up',
          failure_params: { detail: 'database unreachable' },
        },
      ]);
    });
  });
});

describe('ImportsController', () => {
  describe('start', () => {
    it('refuses a file over 20 MB before storing anything (413)', async () => {
      const before = await count(`SELECT 1 FROM catalog_import`);
      const response = await upload(Buffer.alloc(20 * 1024 * 1024 + 1, 'a'), 'huge.csv');
      expect(response.status).toBe(413);
      await expect(count(`SELECT 1 FROM catalog_import`)).resolves.toBe(before);
    });

    it('refuses a file whose content is not CSV or XLSX, whatever its name (422 naming file)', async () => {
      const before = await count(`SELECT 1 FROM catalog_import`);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      const renamed = await upload(png, 'achievements.csv');
      expect(renamed.status).toBe(422);
      expect(renamed.body.field).toBe('file');
      const textAsXlsx = await upload(Buffer.from('reference,title\n'), 'achievements.xlsx');
      expect(textAsXlsx.status).toBe(422);
      const gbk = await upload(Buffer.from([0xb3, 0xc9, 0xb9, 0xfb, 0x2c, 0x0a]), 'gbk.csv');
      expect(gbk.status).toBe(422);
      const missing = await request(http).post('/api/imports').set(as(accounts.tto)).field('mode', 'keep_valid');
      expect(missing.status).toBe(422);
      await expect(count(`SELECT 1 FROM catalog_import`)).resolves.toBe(before);
    });

    it('refuses an unknown mode, naming it, and is for TTO accounts only', async () => {
      const bad = await upload(Buffer.from('reference\n'), 'a.csv', { mode: 'some' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe('mode');
      const company = await request(http)
        .post('/api/imports')
        .set(as(accounts.enterprise))
        .attach('file', Buffer.from('reference\n'), 'a.csv');
      expect(company.status).toBe(403);
    });
  });

  describe('get', () => {
    it('shows an import to its own institution only', async () => {
      const started = await upload(Buffer.from(`${HEADER.join(',')}\n`), 'empty.csv');
      await request(http).get(`/api/imports/${started.body.id}`).set(as(accounts.otherTto)).expect(404);
      const mine = await request(http).get('/api/imports').set(as(accounts.otherTto)).expect(200);
      expect(mine.body.items).toEqual([]);
    });
  });

  describe('template', () => {
    it('serves CSV and XLSX templates whose header the importer accepts', async () => {
      const csv = await request(http).get('/api/imports/template?format=csv').set(as(accounts.tto)).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const xlsx = await request(http)
        .get('/api/imports/template?format=xlsx')
        .set(as(accounts.tto))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      // Headers name each column in Chinese with its key, 成果名称 (title); the importer reads them as keys.
      const [header] = await readRows(xlsx.body as Buffer, 'xlsx');
      expect(header.cells).toEqual(IMPORT_COLUMNS.map((column) => `${column.label} (${column.key})`));
      expect(header.cells.map(headerKey)).toEqual(IMPORT_COLUMNS.map((column) => column.key));
      const csvHeader = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(',');
      expect(csvHeader).toEqual(IMPORT_COLUMNS.map((column) => `${column.label} (${column.key})`));
      expect(csvHeader.map(headerKey)).toEqual(IMPORT_COLUMNS.map((column) => column.key));
      await request(http).get('/api/imports/template?format=pdf').set(as(accounts.tto)).expect(400);
    });
  });
});
