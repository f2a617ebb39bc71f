import type { Config } from 'jest';

// SWC compiles the tests quickly; decorator metadata is needed for Nest's dependency injection.
const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@roundtable/(platform|identity|events|registrations|notifications|testimony|campaigns|partners)$':
    '<rootDir>/libs/$1/src',
};

const project = (displayName: string, testMatch: string[], extra: Partial<Config> = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  ...extra,
});

// Finds or starts Postgres and Redis; only the projects that talk to them pay for it.
const services = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

const config: Config = {
  maxWorkers: process.env.CI ? 2 : '50%',
  // The long files first even on a clean clone, so the run does not end on one of them alone.
  testSequencer: '<rootDir>/test/support/slowest-first-sequencer.cjs',
  // A global option: jest ignores it inside projects. Integration and browser tests start real apps.
  testTimeout: 60_000,
  projects: [
    project('unit', ['<rootDir>/{apps,libs,tools}/**/*.spec.ts']),
    project('int', ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], services),
    project('e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], services),
  ],
};

export default config;
