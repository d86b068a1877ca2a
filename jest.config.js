// One jest run over every workspace, in two projects (below). Tests are TypeScript, compiled by SWC (which, unlike
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
  policy: 'packages/policy',
  hop: 'packages/hop',
  'domain-codes': 'packages/domain-codes',
  platform: 'packages/platform',
  synthetic: 'packages/synthetic',
  stack: 'packages/stack',
  cluster: 'packages/cluster',
  'identity-provider': 'packages/identity-provider',
  'sign-in': 'packages/sign-in',
  schema: 'schema',
  composition: 'schema/composition',
  gateway: 'gateway',
  'member-subgraph': 'subgraphs/member',
  'case-subgraph': 'subgraphs/case',
  'education-subgraph': 'subgraphs/education',
  'privacy-subgraph': 'subgraphs/privacy',
};

// Four projects. `unit`: tests under a workspace's `test/unit/`: the rules, which need nothing
// running (no database, no services) and run in seconds (`npm run test:unit`). `offline`: tests
// under `test/offline/`, which need nothing running either but compute for a while (attack
// simulations against EDI releases, the noise sampler's statistics, the synthetic generator over a
// population, the production install tree). `stack`: every other test but `cluster`'s, against the one real stack
// the global setup starts. Jest runs a project's global setup only when at least one of its tests
// is selected, so a unit or offline run never starts PostgreSQL or a service.
const UNIT = '/test/unit/';
const OFFLINE = '/test/offline/';
// `cluster`: packages/cluster's tests, which start a cluster of their own (two of each service behind
// nginx, on a PostgreSQL of their own) and need nothing of the stack: its global setup is not theirs.
const CLUSTER = '/packages/cluster/test/';

const common = {
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // Tests run the workspaces' sources, not their builds.
    ...Object.fromEntries(Object.entries(workspace).map(([name, dir]) => [`^@mutual-graph/${name}$`, `<rootDir>/${dir}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.data/'],
  setupFiles: ['<rootDir>/test/quiet-logs.js'],
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [`<rootDir>/**/test/unit/**/*.test.ts`],
    },
    {
      ...common,
      displayName: 'offline',
      testMatch: [`<rootDir>/**/test/offline/**/*.test.ts`],
    },
    {
      ...common,
      displayName: 'stack',
      testMatch: ['<rootDir>/**/test/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, UNIT, OFFLINE, CLUSTER],
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/packages/cluster/test/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, UNIT, OFFLINE],
    },
  ],
  // Global options (jest reads these once, for every project).
  testSequencer: '<rootDir>/test/sequencer.js',
  reporters: ['default', '<rootDir>/test/results-file-reporter.js'],
  testTimeout: 60_000,
  // One worker: suites share one stack and database, and some write while others count
  // aggregates; on two cores the stack's processes and PostgreSQL need the rest anyway.
  // (`npm run test:unit` and `test:offline` override it: their suites share nothing.)
  maxWorkers: 1,
  // With a limit set, jest runs that one worker in a child process and starts a fresh one between test files once it
  // holds more than this: in band, every file's modules stayed in jest's own process, which ran out of heap.
  workerIdleMemoryLimit: '1GB',
};
