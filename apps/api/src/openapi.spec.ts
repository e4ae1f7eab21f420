import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FILES, openApiText, portalSchemaText } from '../../../tools/openapi-files';
import { openApiOfModule } from './bootstrap';

const REGENERATE = 'The generated api description is stale: run `npm run openapi` and commit what it writes';

function committed(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Compares a regenerated file with the committed one, naming the command that brings it up to date. */
function expectCurrent(path: string, regenerated: string): void {
  if (regenerated !== committed(path)) throw new Error(`${REGENERATE} (${path} differs).`);
}

describe('the committed OpenAPI document and portal types', () => {
  it('match what the sources describe now', () => {
    // The plugin reads the whole program with the type checker: a scratch copy, beside the real one.
    const scratch = `openapi-metadata.check-${process.pid}.ts`;
    try {
      execFileSync(process.execPath, [join(__dirname, '../../../tools/openapi-metadata.js'), scratch], {
        stdio: 'pipe',
      });
      expectCurrent(OPENAPI_FILES.metadata, readFileSync(join(__dirname, scratch), 'utf8'));
    } finally {
      rmSync(join(__dirname, scratch), { force: true });
    }
  }, 240_000);

  it('the document is the api module’s, and the portal’s types are generated from it', async () => {
    const document = openApiText(await openApiOfModule());
    expectCurrent(OPENAPI_FILES.document, document);
    expectCurrent(OPENAPI_FILES.portalSchema, portalSchemaText(document));
  }, 60_000);
});
