// One jest run over every workspace. Tests are TypeScript, compiled by SWC (which, unlike
// esbuild, emits the decorator metadata type-graphql and MikroORM read), as ES modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const workspace = {
  platform: 'packages/platform',
  synthetic: 'packages/synthetic',
  stack: 'packages/stack',
  schema: 'schema',
  composition: 'schema/composition',
  gateway: 'gateway',
  'member-subgraph': 'subgraphs/member',
  'case-subgraph': 'subgraphs/case',
  'education-subgraph': 'subgraphs/education',
  'privacy-subgraph': 'subgraphs/privacy',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // Tests run the workspaces' sources, not their builds.
    ...Object.fromEntries(Object.entries(workspace).map(([name, dir]) => [`^@mutual-graph/${name}$`, `<rootDir>/${dir}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.data/'],
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFiles: ['<rootDir>/test/quiet-logs.js'],
  testSequencer: '<rootDir>/test/sequencer.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  reporters: ['default', '<rootDir>/test/results-file-reporter.js'],
  testTimeout: 60_000,
  // One worker: suites share one stack and database, and some write while others count
  // aggregates; on two cores the stack's processes and PostgreSQL need the rest anyway.
  maxWorkers: 1,
};
