/**
 * Writes the api's description and what is generated from it (`npm run openapi`):
 * - apps/api/src/openapi-metadata.ts: the Swagger plugin's reading of the sources;
 * - apps/api/openapi.json: the OpenAPI document of the api module (no database needed);
 * - apps/portal/src/api/schema.d.ts: the portal's types of every path, body and answer.
 * The unit test apps/api/src/openapi.spec.ts fails when any of them is stale.
 */
import { writeFileSync } from 'node:fs';
import type { openApiOfModule as OpenApiOfModule } from '../apps/api/src/bootstrap';
import { OPENAPI_FILES, openApiText, portalSchemaText } from './openapi-files';

/* eslint-disable @typescript-eslint/no-require-imports -- modules loaded in order, at run time */
const { writeOpenApiMetadata } = require('./openapi-metadata.js') as { writeOpenApiMetadata: () => string };

async function main(): Promise<void> {
  writeOpenApiMetadata();
  // The api reads the metadata file when it is loaded: only now, after it is written.
  const { openApiOfModule } = require('../apps/api/src/bootstrap') as { openApiOfModule: typeof OpenApiOfModule };
  const document = openApiText(await openApiOfModule());
  writeFileSync(OPENAPI_FILES.document, document);
  writeFileSync(OPENAPI_FILES.portalSchema, portalSchemaText(document));
  console.log(`wrote ${Object.values(OPENAPI_FILES).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
