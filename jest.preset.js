// Shared by every project's jest.config.js: SWC keeps decorator metadata (NestJS injection needs it)
// and the @cx/* libraries resolve to their sources, so tests never need a build first.
const path = require('node:path');

/** Each project's jest.config.js: the preset plus its name. */
function projectConfig(name, rootDir) {
  return {
    ...preset,
    displayName: name,
    rootDir,
    reporters: ['default', [path.join(__dirname, 'jest.results-reporter.js'), { name }]],
  };
}

const preset = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@cx/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  // Integration specs talk to a real broker and database; a slow CI machine must not turn waits into failures.
  testTimeout: 60_000,
  // A client left connected by a failed spec must not hang CI for its 90 minutes; the failure is reported anyway.
  forceExit: true,
  // Some libraries are exercised only through the services' specs.
  passWithNoTests: true,
};

module.exports = { preset, projectConfig };
