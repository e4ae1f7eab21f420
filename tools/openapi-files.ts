import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

const root = join(__dirname, '..');

/** The files `npm run openapi` writes, all committed. */
export const OPENAPI_FILES = {
  metadata: join(root, 'apps/api/src/openapi-metadata.ts'),
  document: join(root, 'apps/api/openapi.json'),
  portalSchema: join(root, 'apps/portal/src/api/schema.d.ts'),
};

/** The document as it is committed: indented JSON with a final newline. */
export function openApiText(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The portal's types: what openapi-typescript's command generates from the document's text. */
export function portalSchemaText(documentText: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kz-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    writeFileSync(input, documentText);
    return execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), input], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
