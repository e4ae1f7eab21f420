import { openPackage, streamEntry, type OoxmlPackage, type PackageEntry } from '@kuaizhuan/platform';

/** What a workbook may hold before it is parsed: well above a real import, far below a bomb. */
export const WORKBOOK_LIMITS = {
  sheets: 10,
  /** All parts together, inflated. */
  uncompressedBytes: 64 * 1024 * 1024,
  /** Longest text of one cell, in bytes of UTF-8 (Excel itself stops a cell at 32,767 characters). */
  cellBytes: 128 * 1024,
  rows: 50_001,
} as const;

export interface WorkbookRefusal {
  reason: string;
  params: Record<string, string | number>;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const TEXT_PARTS = /^xl\/(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;
const LT = 0x3c;
const GT = 0x3e;
const ROW_TAG = Buffer.from('<row');

class Refused extends Error {
  constructor(readonly refusal: WorkbookRefusal) {
    super(refusal.reason);
  }
}

/**
 * Streams one part, measuring the longest text between tags (a cell's text) and counting `<row`
 * elements, and gives up at the first limit passed: memory stays one inflated chunk.
 */
async function measurePart(pkg: OoxmlPackage, part: PackageEntry): Promise<void> {
  let run = 0;
  let inText = false;
  let rows = 0;
  let tail = Buffer.alloc(0);
  const isSheet = SHEET.test(part.name);
  await streamEntry(pkg, part, (chunk) => {
    for (const byte of chunk) {
      if (byte === LT) {
        inText = false;
      } else if (byte === GT) {
        inText = true;
        run = 0;
      } else if (inText && (run += 1) > WORKBOOK_LIMITS.cellBytes) {
        throw new Refused({
          reason: `a cell holds more than ${WORKBOOK_LIMITS.cellBytes} bytes of text`,
          params: { part: part.name, maxBytes: WORKBOOK_LIMITS.cellBytes },
        });
      }
    }
    if (!isSheet) return;
    const window = Buffer.concat([tail, chunk]);
    for (let at = window.indexOf(ROW_TAG); at !== -1; at = window.indexOf(ROW_TAG, at + 1)) {
      const next = window[at + ROW_TAG.length];
      if (next === 0x20 || next === GT || next === 0x2f) rows += 1;
    }
    tail = window.subarray(Math.max(0, window.length - ROW_TAG.length));
    if (rows > WORKBOOK_LIMITS.rows) {
      throw new Refused({
        reason: `a sheet has more than ${WORKBOOK_LIMITS.rows - 1} data rows`,
        params: { max: WORKBOOK_LIMITS.rows - 1 },
      });
    }
  });
}

/**
 * Why an XLSX must not be parsed (too many sheets, too large once inflated, a giant cell, too many
 * rows), or null when it may. Read from the ZIP directory and by streaming the text parts, so a
 * hostile file is refused before anything of it is held in memory whole.
 */
export async function workbookRefusal(content: Buffer): Promise<WorkbookRefusal | null> {
  const pkg = await openPackage(content);
  if (!pkg) return { reason: 'the XLSX package is damaged', params: {} };
  try {
    const sheets = pkg.entries.filter((e) => SHEET.test(e.name)).length;
    if (sheets > WORKBOOK_LIMITS.sheets) {
      return { reason: `the workbook has ${sheets} sheets; at most ${WORKBOOK_LIMITS.sheets}`, params: { sheets } };
    }
    const inflated = pkg.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (inflated > WORKBOOK_LIMITS.uncompressedBytes) {
      return {
        reason: `the workbook inflates to ${inflated} bytes; at most ${WORKBOOK_LIMITS.uncompressedBytes}`,
        params: { bytes: inflated, maxBytes: WORKBOOK_LIMITS.uncompressedBytes },
      };
    }
    for (const part of pkg.entries.filter((e) => TEXT_PARTS.test(e.name))) await measurePart(pkg, part);
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return { reason: `the XLSX package cannot be read: ${(error as Error).message}`, params: {} };
  } finally {
    pkg.zip.close();
  }
}
