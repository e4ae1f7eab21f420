/**
 * The worker's memory while importing hostile workbooks: a TTO uploads XLSX files built to blow
 * up a parser (one cell of 150 MB packed into ~150 KB; one of 40 MB, under the size limit, so
 * the cell check must stream it; 100,000 empty rows), and the real worker takes each import to
 * its end. Prints, per file, the import's outcome and the process's peak resident memory above
 * what it held before (sampled every 20 ms). Uses a throwaway database.
 */
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { createWorker } from '../apps/worker/src/bootstrap';
import { bearer, registerAccount, signInOperator } from '../test/support/auth';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';

const BENCH_TEMPLATE = 'kz_bench_template';
const MB = 1024 * 1024;

interface Part {
  name: string;
  /** Yields the part's bytes in pieces, so a 150 MB part is never held whole here either. */
  pieces: () => Iterable<Buffer>;
}

interface Packed {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
}

async function deflate(part: Part): Promise<Packed> {
  const stream = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => stream.on('end', resolve));
  let crc = 0;
  let size = 0;
  for (const piece of part.pieces()) {
    crc = crc32(piece, crc);
    size += piece.length;
    if (!stream.write(piece)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
  return { name: Buffer.from(part.name), data: Buffer.concat(out), crc, size };
}

/** A ZIP archive (deflated members, no ZIP64) of the parts. */
async function zip(parts: Part[]): Promise<Buffer> {
  const packed = await Promise.all(parts.map(deflate));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(p.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.data);
    centrals.push(central, p.name);
    offset += local.length + p.name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (name: string, body: string): Part => ({ name, pieces: () => [Buffer.from(body)] });

/** A one-sheet workbook whose sheet and shared strings are given. */
function workbook(sheet: Part, sharedStrings: Part): Promise<Buffer> {
  const ns = 'http://schemas.openxmlformats.org';
  return zip([
    text(
      '[Content_Types].xml',
      `<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    text(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="achievements" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    sheet,
    sharedStrings,
  ]);
}

function oneCell(megabytes: number): Promise<Buffer> {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const chunk = Buffer.alloc(MB, 'A');
  return workbook(
    text(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
    {
      name: 'xl/sharedStrings.xml',
      pieces: function* () {
        yield Buffer.from(`<sst xmlns="${ns}" count="1" uniqueCount="1"><si><t>`);
        for (let i = 0; i < megabytes; i += 1) yield chunk;
        yield Buffer.from('</t></si></sst>');
      },
    },
  );
}

function manyRows(rows: number): Promise<Buffer> {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return workbook(
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: function* () {
        yield Buffer.from(`<worksheet xmlns="${ns}"><sheetData>`);
        for (let r = 1; r <= rows; r += 1) yield Buffer.from(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`);
        yield Buffer.from('</sheetData></worksheet>');
      },
    },
    text('xl/sharedStrings.xml', `<sst xmlns="${ns}" count="1" uniqueCount="1"><si><t>x</t></si></sst>`),
  );
}

interface ImportReport {
  id: string;
  status: string;
  failureCode: string | null;
  failureReason: string | null;
}

export async function run(): Promise<Record<string, unknown>> {
  const files: [string, Buffer][] = [
    ['one-cell-150MB', await oneCell(150)],
    ['one-cell-40MB', await oneCell(40)],
    ['rows-100000', await manyRows(100_000)],
  ];
  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({ LOG_LEVEL: 'silent', RATE_LIMIT_FACTOR: '100' }, BENCH_TEMPLATE);
  const api = await createApi();
  await api.init();
  const worker = await createWorker();
  await worker.init();
  try {
    const http = api.getHttpServer();
    const tto = await registerAccount(http, {
      kind: 'university',
      name: '基准测试大学',
      verifiedBy: await signInOperator(http, api.get(DataSource)),
    });
    const results: Record<string, unknown>[] = [];
    for (const [name, file] of files) {
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const started = Date.now();
      const upload = await request(http)
        .post('/api/imports')
        .set(bearer(tto.accessToken))
        .attach('file', file, `${name}.xlsx`);
      if (upload.status !== 202) throw new Error(`${name}: upload answered ${upload.status}`);
      const id = (upload.body as ImportReport).id;
      let report: ImportReport;
      for (;;) {
        report = (await request(http).get(`/api/imports/${id}`).set(bearer(tto.accessToken))).body as ImportReport;
        if (report.status === 'succeeded' || report.status === 'failed') break;
        if (Date.now() - started > 300_000) throw new Error(`${name}: still ${report.status} after 300 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      clearInterval(sampler);
      results.push({
        file: name,
        fileBytes: file.length,
        status: report.status,
        failureCode: report.failureCode,
        failureReason: report.failureReason,
        seconds: (Date.now() - started) / 1000,
        rssBeforeMiB: Math.round(before / MB),
        peakRssAboveBeforeMiB: Math.round((peak - before) / MB),
      });
    }
    return { processes: 'api and worker in one process', results };
  } finally {
    await worker.close();
    await api.close();
    await env.teardown();
  }
}
