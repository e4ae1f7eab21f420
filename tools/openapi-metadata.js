// Writes apps/api/src/openapi-metadata.ts: what the Swagger plugin reads from the DTOs, views and
// controllers (field types, enums, validation limits, doc comments, answers' types), so the api
// describes the same whether it runs from the build or from the sources. Part of `npm run openapi`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');

const root = join(__dirname, '..');
const nestCli = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
const swagger = nestCli.compilerOptions.plugins.find((plugin) => plugin.name === '@nestjs/swagger');
const outputDir = join(root, 'apps/api/src');
const committed = 'openapi-metadata.ts';

/**
 * Generates the metadata beside the api's sources, into the committed file unless another name is
 * given (the staleness test writes a scratch copy, so that the relative paths inside come out alike).
 */
function writeOpenApiMetadata(filename = committed) {
  process.chdir(root); // the generator reads the tsconfig path from the working folder
  const path = join(outputDir, filename);
  // The generator refuses a tree that does not type-check; a metadata file from older sources may not.
  if (filename === committed) writeFileSync(path, 'export default async () => ({});\n');
  new PluginMetadataGenerator().generate({
    visitors: [new ReadonlyVisitor({ ...swagger.options, pathToSource: outputDir })],
    outputDir,
    filename,
    tsconfigPath: 'tsconfig.build.json',
    printDiagnostics: false,
  });
  // The tree is CommonJS, imported without extensions and, in the build, without the @kuaizhuan
  // aliases (the build rewrites only import statements): the generated dynamic imports become
  // plain requires of relative paths, which the build, ts-node and jest all resolve alike.
  const relative = (specifier) =>
    specifier.replace(/^@kuaizhuan\/([a-z-]+)$/, '../../../libs/$1/src').replace(/\.js$/, '');
  const text = readFileSync(path, 'utf8')
    .replace(/await import\("([^"]+)"\)/g, (_, specifier) => `require("${relative(specifier)}")`)
    .replace(/import\("([^"]+)"\)/g, (_, specifier) => `Promise.resolve(require("${relative(specifier)}"))`)
    .replace(/\["@kuaizhuan\/([a-z-]+)"\]/g, '["../../../libs/$1/src"]');
  writeFileSync(path, text);
  return text;
}

module.exports = { writeOpenApiMetadata };
if (require.main === module) writeOpenApiMetadata(process.argv[2]);
