import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// Jest's module mapper does not apply to the global setup and teardown: resolve the
// @kuaizhuan/* aliases here, before anything that imports a lib through its door is loaded.
// Imported first by global-setup.ts and global-teardown.ts.
const root = join(__dirname, '..', '..');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
