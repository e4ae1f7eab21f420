// Runs TypeScript sources directly (migrations CLI, benchmarks, seeds): SWC transpiles,
// tsconfig-paths resolves the @kuaizhuan/* aliases. Type checking is `npm run typecheck`'s job.
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_SWC = 'true';
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  compilerOptions: { module: 'commonjs', target: 'es2022' },
});
require('tsconfig-paths').register({
  baseUrl: __dirname + '/..',
  paths: require('../tsconfig.json').compilerOptions.paths,
});
