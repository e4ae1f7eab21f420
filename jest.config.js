// Jest runs TypeScript through SWC. The NestJS 12 packages (and a few of their
// dependencies) ship ES modules only, so they are let through the transform too.
const esmPackages = [
  '@nestjs',
  'meilisearch',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
];

function swcFor(parser, react) {
  return [
    '@swc/jest',
    {
      jsc: {
        parser,
        transform: { legacyDecorator: true, decoratorMetadata: true, ...(react && { react }) },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ];
}

const swc = swcFor({ syntax: 'typescript', decorators: true });

const moduleNameMapper = {
  '^@kuaizhuan/([a-z-]+)$': '<rootDir>/libs/$1/src',
};

const shared = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,seeds,bench}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/portal/'],
    },
    {
      // The portal's pure code (formatting, wording of refusals), in a browser-like DOM.
      ...shared,
      displayName: 'portal',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/portal/src/**/*.spec.{ts,tsx}'],
      transform: { '^.+\\.(t|j|mj|cj)sx?$': swcFor({ syntax: 'typescript', tsx: true }, { runtime: 'automatic' }) },
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/portal/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
