import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

/** One member of a ZIP package as its central directory lists it. */
export interface PackageEntry {
  name: string;
  uncompressedSize: number;
  entry: Entry;
}

export interface OoxmlPackage {
  zip: ZipFile;
  entries: PackageEntry[];
}

const MAX_ENTRIES = 2_000;

/** The package's members (read from the central directory only), or null for a damaged ZIP. */
export function openPackage(content: Buffer): Promise<OoxmlPackage | null> {
  return new Promise((resolve) => {
    fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return resolve(null);
      const entries: PackageEntry[] = [];
      zip.on('entry', (entry: Entry) => {
        entries.push({ name: entry.fileName, uncompressedSize: entry.uncompressedSize, entry });
        if (entries.length > MAX_ENTRIES) {
          zip.close();
          resolve(null);
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** The Office Open XML documents the platform accepts, and the part that makes each what it is. */
export type OoxmlKind = 'docx' | 'xlsx';
const MAIN_PART: Record<OoxmlKind, string> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };

/**
 * Whether the bytes are a real Office Open XML document of `kind`: a ZIP whose central directory
 * reads, with [Content_Types].xml and the kind's main part (a `PK` signature alone proves nothing).
 */
export async function isOoxml(content: Buffer, kind: OoxmlKind): Promise<boolean> {
  const pkg = await openPackage(content);
  if (!pkg) return false;
  pkg.zip.close();
  const names = new Set(pkg.entries.map((e) => e.name));
  return names.has('[Content_Types].xml') && names.has(MAIN_PART[kind]);
}

/**
 * Streams one member through `visit`, chunk by chunk, without ever holding it whole. Stops and
 * rejects when the member inflates beyond what its directory entry declared (yauzl checks that).
 */
export function streamEntry(pkg: OoxmlPackage, entry: PackageEntry, visit: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    pkg.zip.openReadStream(entry.entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('unreadable member'));
      stream.on('data', (chunk: Buffer) => {
        try {
          visit(chunk);
        } catch (problem) {
          stream.destroy();
          reject(problem instanceof Error ? problem : new Error(String(problem)));
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
  });
}
